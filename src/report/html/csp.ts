import { createHash } from 'node:crypto';

/** CSP source expression for an inline <style> or <script> body: its SHA-256, base64. */
export function hashSource(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/**
 * A policy that lets the page run only its own inline style and script (by hash, so output is
 * reproducible) and load nothing at all: no network, no images, no frames, no forms.
 */
export function contentSecurityPolicy(style: string, script: string): string {
  return [
    "default-src 'none'",
    `style-src ${hashSource(style)}`,
    `script-src ${hashSource(script)}`,
    "img-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}
