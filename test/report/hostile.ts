// A hostile source for the escaping tests (unit and browser): payloads that would run, load or
// be interpreted if any of its text reached the page unescaped or as a template.
import type { SourceResult } from '../../src/schema/result.js';
import { audit, evidenceOf, withFindings, type Audited } from './fixtures.js';

export const PAYLOADS = [
  '<script>window.__pwned = "script"; alert(1)</script>',
  '<img src=x onerror="window.__pwned = \'img\'">',
  '<svg onload="window.__pwned = \'svg\'"></svg>',
  '<a href="javascript:window.__pwned=\'link\'">click me</a>',
  '</textarea><textarea>',
  '{{constructor}}',
  '{{#each this}}EACH{{/each}}',
  '</script><script>window.__pwned = "breakout"</script>',
  '"><iframe src="https://example.com/x"></iframe>',
];

const escapeHtml = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * HTML whose paragraphs hold the payloads as text (entity-encoded, so they are document text),
 * plus live markup of the same kind, which the parser must drop or keep inert.
 */
export const HOSTILE_HTML = `<!DOCTYPE html><html><head><title>Hostile Widget Market</title></head><body>
<h1>Hostile Widget Market Report 2024 - 2030</h1>
<p>The hostile widget market grows at a CAGR of 7.5% from 2024 to 2030.</p>
${PAYLOADS.map((p, i) => `<p>Payload ${i + 1}: ${escapeHtml(p)} ends here.</p>`).join('\n')}
<script>window.__pwned = "live script"</script>
<img src=x onerror="window.__pwned = 'live img'">
<p onclick="window.__pwned = 'live attribute'">Live markup above, <a href="javascript:window.__pwned = 'live link'">and a javascript link</a>.</p>
<p>Elsewhere the market grows at a CAGR of 9.1% over the same period.</p>
</body></html>`;

/** Plain text (too few tags to be read as HTML): the payloads are its own lines. */
export const HOSTILE_TEXT = [
  'Hostile Widget Market Report 2024 - 2030',
  'The hostile widget market grows at a CAGR of 7.5% from 2024 to 2030.',
  `Payload: ${PAYLOADS[0]} and ${PAYLOADS[4]} and ${PAYLOADS[5]} ${PAYLOADS[6]}`,
  'Elsewhere the market grows at a CAGR of 9.1% over the same period.',
].join('\n\n');

export const HOSTILE_NAME = '<img src=x onerror="window.__pwned=\'name\'">{{constructor}}.txt';

export async function hostileAudit(): Promise<Audited & { result: SourceResult }> {
  const a = await audit(HOSTILE_HTML, HOSTILE_NAME);
  const ctx = a.context;
  const result = withFindings(a.result, [
    {
      ruleId: 'consistency/growth-conflict',
      severity: 'error',
      message: 'Growth given as {rate} and 9.1%: {note}',
      data: { rate: '<b>7.5%</b>', note: '{{constructor}} <script>window.__pwned="message"</script>' },
      evidence: [evidenceOf(ctx, 'CAGR of 7.5%', 'one statement'), evidenceOf(ctx, 'CAGR of 9.1%', 'other statement')],
    },
    // Odd payloads are quoted (shown inside marks), even ones only labelled (shown as plain text).
    ...PAYLOADS.map((p, i) => ({
      ruleId: 'links/tracking',
      severity: 'warning' as const,
      message: `Suspicious markup in payload ${i + 1}`,
      evidence: [i % 2 === 0 ? evidenceOf(ctx, p, `role ${p}`) : evidenceOf(ctx, `Payload ${i + 1}:`, 'label')],
    })),
  ]);
  return { result: { ...result, report: 'hostile.html' }, context: ctx };
}
