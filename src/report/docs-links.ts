import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
/** The package's folder (package.json, README.md, rules/), whether this runs from src/report or dist/src/report. */
export const PACKAGE_ROOT = path.resolve(HERE, HERE.includes(`${path.sep}dist${path.sep}`) ? '../../..' : '../..');

/** Where the documentation is published, when it is: an absolute URL the package's files sit under. */
export const DOCS_URL_VARIABLE = 'CREDENCE_DOCS_URL';

/** A rule's documentation page, relative to the package root: rules/<family>/<name>.md beside the rule's code. */
export function rulePagePath(ruleId: string): string {
  return `rules/${ruleId}.md`;
}

/**
 * The base that documentation links resolve against. The pages ship inside the package, so by
 * default it is the package folder as a file: URL (SARIF wants absolute URIs, and credence has no
 * public address); CREDENCE_DOCS_URL points the links at a published copy instead, e.g. a
 * repository's web view of the same tree.
 */
export function docsBase(env: Readonly<Record<string, string | undefined>> = process.env): string {
  const configured = env[DOCS_URL_VARIABLE]?.trim();
  if (!configured) return pathToFileURL(PACKAGE_ROOT + path.sep).href;
  let url: URL;
  try {
    url = new URL(configured);
  } catch {
    throw new Error(`${DOCS_URL_VARIABLE}="${configured}" is not an absolute URL`);
  }
  return url.href.endsWith('/') ? url.href : url.href + '/';
}

/** A file of the package (a rule page, README.md) as a link under a documentation base. */
export function docsLink(base: string, file: string): string {
  return new URL(file.split('/').map(encodeURIComponent).join('/'), base).href;
}
