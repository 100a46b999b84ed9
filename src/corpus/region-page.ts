/**
 * Made-up report pages for the cross-source rules' documented examples: a generated page whose
 * region list and regional figures can be reused across markets and sites.
 */
export interface PageSpec {
  market: string;
  site: string;
  regions: string;
  regionalText: string;
  intro: string;
}

export const REUSED_REGIONS = `<p>Regions covered:</p>
<p><strong>North America:</strong></p><ul><li>United States</li><li>Canada</li></ul>
<p><strong>Europe:</strong></p><ul><li>Germany</li><li>France</li><li>Spain</li><li>Poland</li></ul>
<p><strong>Asia-Pacific:</strong></p><ul><li>China</li><li>Japan</li><li>India Vietnam</li><li>Indonesia</li></ul>
<p><strong>South America:</strong></p><ul><li>Brazil</li><li>Chile</li><li>Peru</li></ul>`;

export function regionPage(p: PageSpec): string {
  return `<html><head><title>${p.market} Market Report 2025-2030</title></head><body>
<h1>${p.market} Market Size and Forecast 2025-2030</h1>
<p>${p.intro}</p>
<p><a href="https://${p.site}/sample/1">Request a sample</a> <a href="https://${p.site}/buy/1">Buy now</a> <a href="https://${p.site}/">Home</a></p>
${p.regions}
<p>${p.regionalText}</p>
</body></html>`;
}
