import type { AuditResult } from '../../schema/result.js';
import { contentSecurityPolicy } from './csp.js';
import { compile, jsonForScript, registerPartials, trusted, type Trusted } from './engine.js';
import { buildIndexView, type IndexView } from './index-view.js';
import { buildReportView, type ReportView, type SourceReportInput } from './report-view.js';
import { INDEX_SCRIPT, REPORT_SCRIPT } from './scripts.js';
import { INDEX_CSS, REPORT_CSS } from './styles.js';
import { INDEX_TEMPLATE, PARTIALS, REPORT_TEMPLATE } from './templates.js';

export type { SourceReportInput } from './report-view.js';

registerPartials(PARTIALS);

/** The page's own style and script, and the policy that allows exactly those. */
interface Page {
  csp: string;
  style: Trusted;
  script: Trusted;
}

// Styles and scripts are constants, so their hashes (and the policy) are computed once.
const REPORT_PAGE: Page = { csp: contentSecurityPolicy(REPORT_CSS, REPORT_SCRIPT), style: trusted(REPORT_CSS), script: trusted(REPORT_SCRIPT) };
const INDEX_PAGE: Page = { csp: contentSecurityPolicy(INDEX_CSS, INDEX_SCRIPT), style: trusted(INDEX_CSS), script: trusted(INDEX_SCRIPT) };

const renderReportPage = compile<ReportView & Page & { data: Trusted }>(REPORT_TEMPLATE);
const renderIndexPage = compile<IndexView & Page>(INDEX_TEMPLATE);

/** One source's audit as a self-contained HTML page: findings beside the highlighted document. */
export function renderSourceReport(input: SourceReportInput): string {
  const view = buildReportView(input);
  return renderReportPage({ ...REPORT_PAGE, ...view, data: trusted(jsonForScript(view.scriptData)) });
}

/** The run's index page: every source with score, grade, counts and top finding, sortable and filterable. */
export function renderIndex(input: { audit: AuditResult }): string {
  return renderIndexPage({ ...INDEX_PAGE, ...buildIndexView(input.audit) });
}
