import { isChartCaption, runInCaption } from '../../src/parse/captions.js';
import { findCallToAction } from '../../src/text/call-to-action.js';
import { findMarkdown } from '../../src/text/markdown.js';
import { findMojibake, visible } from '../../src/text/mojibake.js';
import { findPlaceholders } from '../../src/text/placeholders.js';
import { findRunOnList } from '../../src/text/run-on-list.js';
import { contextOf, quotes, runRule, seedContext } from '../helpers/harness.js';

const SEEDS = ['000', '001', '002', '003', '004'];

describe('mojibake detection', () => {
  it('repairs UTF-8 read as Windows-1252 or Latin-1, including double encoding', () => {
    const found = findMojibake('the bodyâ€™s cafÃ© â€“ Ã¢â‚¬â„¢ Â© 2025 Ã\u0081rea');
    expect(found.map((m) => [m.form, m.repaired, m.charset])).toEqual([
      ['â€™', '’', 'Windows-1252'],
      ['Ã©', 'é', 'Windows-1252'],
      ['â€“', '–', 'Windows-1252'],
      ['Ã¢â‚¬â„¢', '’', 'Windows-1252'],
      ['Â©', '©', 'Windows-1252'],
      ['Ã\u0081', 'Á', 'Latin-1'],
    ]);
  });

  it('treats “Â ” as a no-break space but not an upper-case word ending in Ã', () => {
    expect(findMojibake('PriceÂ list').map((m) => visible(m.repaired))).toEqual(['U+00A0 (no-break space)']);
    expect(findMojibake('A IRMÃ E O IRMÃO')).toEqual([]);
  });

  it('leaves correct text alone, and sequences that would decode to implausible characters', () => {
    expect(findMojibake('Türkiye, café, São Paulo, naïve, Zürich, “quoted” — ’ € £ ¥ © ® ° ± µ · ½ Ελλάδα Россия 日本')).toEqual([]);
    // "Ö’" is valid UTF-8 for a Hebrew accent: not a plausible repair.
    expect(findMojibake('GÖ’s')).toEqual([]);
  });

  it('is linear on hostile input', () => {
    const started = Date.now();
    findMojibake('Ã'.repeat(500_000));
    findMojibake('â€'.repeat(300_000));
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe('text/encoding', () => {
  it.each(['000', '002', '004'])('reports the garbled apostrophe of seed %s with its repair', async (prefix) => {
    const findings = await runRule('text/encoding', seedContext(prefix));
    expect(findings.map((f) => [f.messageId, f.data.form, f.data.repaired])).toEqual([['mojibake', 'â€™', '’']]);
    expect(findings[0].message).toContain('should read “’”');
  });

  it.each(['001', '003'])('finds nothing in the clean text of seed %s', async (prefix) => {
    expect(await runRule('text/encoding', seedContext(prefix))).toEqual([]);
  });

  it('groups occurrences of one form with a complete count and capped evidence', async () => {
    const input = `<p>${'the companyâ€™s '.repeat(30)}</p>`;
    const [f, ...rest] = await runRule('text/encoding', input, { maxEvidence: 5 });
    expect(rest).toEqual([]);
    expect(f.data.count).toBe(30);
    expect(quotes(f)).toHaveLength(5);
  });

  it('reports bytes that were not valid UTF-8 as their own message', async () => {
    const bytes = new Uint8Array([
      ...new TextEncoder().encode('Title\n\nThe caf'),
      0xe9,
      ...new TextEncoder().encode(' is nice – and costs '),
      0xff,
      0xfe,
      ...new TextEncoder().encode('5.\n'),
    ]);
    const findings = await runRule('text/encoding', contextOf(bytes));
    const invalid = findings.filter((f) => f.messageId === 'invalid-bytes');
    expect(invalid).toHaveLength(1);
    expect(invalid[0].data.count).toBeGreaterThanOrEqual(2);
    expect(invalid[0].primary?.quote).toBe('\uFFFD');
  });
});

describe('placeholder detection', () => {
  it('finds unfilled values, unit-only values, template fields and filler', () => {
    const text =
      'Valued at USD XX million in [Current Year], growing at XX.X% to 20XX; $X.X billion by FY20XX. It will reach $ billion, worth EUR Mn. {{company}} and ${region} [Company Name] <Market Name> lorem ipsum; share N/A% or USD TBD.';
    expect(findPlaceholders(text).map((p) => [p.kind, p.text])).toEqual([
      ['unfilled-value', 'USD XX million'],
      ['template-field', '[Current Year]'],
      ['unfilled-value', 'XX.X%'],
      ['unfilled-value', '20XX'],
      ['unfilled-value', '$X.X billion'],
      ['unfilled-value', 'FY20XX'],
      ['missing-value', '$ billion'],
      ['missing-value', 'EUR Mn'],
      ['template-field', '{{company}}'],
      ['template-field', '${region}'],
      ['template-field', '[Company Name]'],
      ['template-field', '<Market Name>'],
      ['filler-text', 'lorem ipsum'],
      ['unfilled-value', 'N/A%'],
      ['unfilled-value', 'USD TBD'],
    ]);
  });

  it('leaves figures, unit declarations and ordinary X-words alone', () => {
    const text =
      'USD 5 million; Revenue (USD Million); (Revenue, USD Bn, 2020 - 2032); values in USD billion and in terms of USD million; an XX chromosome; Xbox; X-ray; Series X; Type XX collagen; 10x growth; see [1] and [Source: WHO]; [the report](https://example.com).';
    expect(findPlaceholders(text)).toEqual([]);
  });

  it('is linear on hostile input', () => {
    const started = Date.now();
    findPlaceholders('X'.repeat(100_000));
    findPlaceholders('[a'.repeat(50_000));
    findPlaceholders('{{'.repeat(50_000));
    findPlaceholders('valued at USD '.repeat(20_000));
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe('text/placeholder', () => {
  it.each(SEEDS)('finds no placeholder in seed %s', async (prefix) => {
    expect(await runRule('text/placeholder', seedContext(prefix))).toEqual([]);
  });

  it('reports each placeholder with its sentence, up to the cap', async () => {
    const input = `<p>The market is worth USD XX million. ${'Its share is XX%. '.repeat(10)}</p>`;
    const findings = await runRule('text/placeholder', input, { maxFindings: 3 });
    expect(findings).toHaveLength(3);
    expect(findings[0].severity).toBe('error');
    expect(findings[0].related[0]).toMatchObject({ role: 'sentence', quote: 'The market is worth USD XX million.' });
  });
});

describe('template-artifact helpers', () => {
  it('find Markdown bold, headings and links', () => {
    expect(findMarkdown('## Overview of **Novartis** and [the report](https://x.example/r)').map((m) => [m.construct, m.text])).toEqual([
      ['heading', '## Overview of **Novartis** and [the report](https://x.example/r)'],
      ['bold', '**Novartis**'],
      ['link', '[the report](https://x.example/r)'],
    ]);
    expect(findMarkdown('5 ** 2 and a*b*c; snake__case__name; # not a heading')).toEqual([]);
  });

  it('recognise calls to action only where a button label would stand', () => {
    for (const call of [
      'To learn more about this report, Download Free Sample',
      'Uncover macros and micros vetted on 75+ parameters: Get instant access to report',
      'Get a Sample PDF of the Report: https://example.com/sample',
      'Inquire or Share Your Questions If Any Before Purchasing This Report:',
      'Purchase this Report: https://example.com/buy',
      'Request for Customization',
      'Speak to Analyst',
    ]) {
      expect(findCallToAction(call)).not.toBeNull();
    }
    for (const prose of [
      'Laboratories request a sample of blood before each infusion.',
      'Hospitals purchase the equipment through group purchasing organisations.',
      'Analysts who speak to clinicians get better estimates, and some purchase reports from several vendors over a number of years before they decide anything.',
    ]) {
      expect(findCallToAction(prose)).toBeNull();
    }
    expect(findCallToAction('Get a Sample PDF of the Report: https://example.com/s')?.key).toBe('get a sample pdf of the report');
  });

  it('recognise a call however its white space is written, and only within a short sentence', () => {
    expect(findCallToAction('For the data,  Request\na   Free\tSample')?.key).toBe('for the data, request a free sample');
    expect(findCallToAction('Ask our team\n about it   before  buying')).not.toBeNull();
    expect(findCallToAction('Full data:  Download\u00a0the  Free\nsample')).not.toBeNull();
    // Near misses: the call in mid-sentence, a keyword with no call, a call past the length limit.
    expect(findCallToAction('Labs  request a\nfree sample of blood.')).toBeNull();
    expect(findCallToAction('The report covers sample sizes.')).toBeNull();
    expect(findCallToAction('Request a free sample, ' + 'and more words here '.repeat(25))).toBeNull();
  });

  it('recognise captions of missing charts but not section headings', () => {
    for (const caption of [
      'Cell and Gene Therapy Market Revenue 2022 To 2032',
      'Number of Gene Therapies in Development 2020 Vs 2021',
      'Estimated Number of Cancer new Cases Vs Deaths In U.S. 2022',
      'Global Wearables Shipments 2019-2024',
    ]) {
      expect(isChartCaption(caption)).toBe(true);
    }
    for (const heading of [
      'Global Cellular Immunotherapy Market Size and Forecast – 2025 to 2032',
      'Historical Data for: 2020 To 2024 Forecast Period: 2025 To 2032',
      'Base Year: 2024 Market Size in 2025: USD 7.64 Bn',
      'Oncology Accounts for the Most Active Therapeutic Segment Through All the Stages of Development.',
      'Market Overview',
      'Revenue grew strongly in 2022',
      'In 2021, revenue rose in every region we studied across the world 2021',
    ]) {
      expect(isChartCaption(heading)).toBe(false);
    }
    const glued =
      'Several key players are in the United States, driving market expansion.Number Of Cell And Gene Therapies With Regulatory Approval Per Country 2021';
    const range = runInCaption(glued);
    expect(range && glued.slice(range.from, range.to)).toBe('Number Of Cell And Gene Therapies With Regulatory Approval Per Country 2021');
    expect(runInCaption('The market grew.It will grow further in 2025 as approvals rise')).toBeNull();
  });

  it('recognise a lead-in fragment running into company names', () => {
    expect(
      findRunOnList(
        'Some of the major market players in the Alnylam Pharmaceuticals Inc., Amgen Inc., Biogen Inc., Helixmith Co. Ltd., Novartis AG, and Pfizer Inc.',
      ),
    ).toEqual({ leadEnd: 'Some of the major market players in the'.length, names: 6 });
    for (const fine of [
      'Key players include Adaptimmune, Altor Bioscience Corporation, Cellectis, Juno Therapeutics, and Kite Pharma.',
      'Some of the major market players are Amgen Inc., Biogen Inc., and Pfizer Inc.',
      'Novartis AG, Gilead Sciences Inc (Kite Pharma), Bristol Myers Squibb Company, and Fate Therapeutics Inc',
      'Leading companies Amgen Inc., Biogen Inc., and Pfizer Inc. dominate the market.',
      'The study covers North America, Europe, Asia Pacific, Latin America, and the Middle East.',
      'Companies such as Amgen Inc., Biogen Inc. and Pfizer Inc. lead.',
      'Some of the major market players in the field, which grew, also spent more, and hired.',
    ]) {
      expect(findRunOnList(fine)).toBeNull();
    }
    // Commas inside an aside do not split names; the list still runs on.
    expect(
      findRunOnList('Leading vendors in the Acme Devices Inc. (Boston, MA), Borealis Medical Ltd., Cygnus Health Corp., Delta Pumps AG, and Epsilon Labs'),
    ).toEqual({ leadEnd: 'Leading vendors in the'.length, names: 5 });
  });
});

describe('text/template-artifact', () => {
  it.each(['000', '002'])('reports the Markdown bold of seed %s once, with every occurrence', async (prefix) => {
    const findings = (await runRule('text/template-artifact', seedContext(prefix))).filter((f) => f.messageId === 'markdown');
    expect(findings).toHaveLength(1);
    expect(findings[0].data).toMatchObject({ construct: 'bold', count: 4 });
    expect(quotes(findings[0]).every((q) => /^\*\*.+\*\*$/.test(q))).toBe(true);
  });

  it('leaves the call-to-action lines of seed 001 to promo-density: each stands on a line of its own', async () => {
    const findings = await runRule('text/template-artifact', seedContext('001'));
    expect(findings.filter((f) => f.messageId === 'call-to-action')).toEqual([]);
  });

  it('reports a call woven into a paragraph, not the same call on its own line, in a header bar or in the footer', async () => {
    const prose = 'Hospitals in Germany and France bought most of the new imaging systems during 2024.';
    const input = [
      'Imaging Systems Market',
      '',
      'Request Sample | Buy Now | Speak to Analyst',
      '',
      `${prose} To learn more about this report, Download Free Sample. Prices fell as vendors from Asia entered the market.`,
      '',
      'To learn more about this report, Download Free Sample',
      '',
      prose,
      '',
      'Purchase this Report: https://example.com/buy',
    ].join('\n');
    const findings = (await runRule('text/template-artifact', input)).filter((f) => f.messageId === 'call-to-action');
    expect(findings.map((f) => [f.primary?.quote, f.data.count, f.severity])).toEqual([
      ['To learn more about this report, Download Free Sample', 1, 'warning'],
    ]);
    expect(findings[0].primary?.start.line).toBe(5);
  });

  it('reports the chart captions and the broken player sentence of seed 003', async () => {
    const findings = await runRule('text/template-artifact', seedContext('003'));
    expect(findings.map((f) => [f.messageId, f.primary?.quote])).toEqual([
      ['chart-caption', 'Cell and Gene Therapy Market Revenue 2022 To 2032'],
      ['chart-caption', 'Number of Gene Therapies in Development 2020 Vs 2021'],
      ['chart-caption', 'Estimated Number of Cancer new Cases Vs Deaths In U.S. 2022'],
      ['chart-caption', 'Number Of Cell And Gene Therapies With Regulatory Approval Per Country 2021'],
      ['run-on-list', 'Some of the major market players in the'],
    ]);
  });

  it('does not report Markdown in a plain-text document', async () => {
    const input = 'Market Overview\n\n**Novartis** leads; ## is not a heading here.\n';
    expect((await runRule('text/template-artifact', input)).filter((f) => f.messageId === 'markdown')).toEqual([]);
  });

  it('does not report a caption whose table or figures are there', async () => {
    const table = '<h3>Global Wearables Shipments 2019-2024</h3><table><tr><td>2019</td><td>300</td></tr><tr><td>2024</td><td>520</td></tr></table>';
    expect(await runRule('text/template-artifact', table)).toEqual([]);
    const figures = '<h3>Global Wearables Shipments 2019-2024</h3><p>Shipments rose from 300 million units in 2019 to 520 million in 2024.</p>';
    expect(await runRule('text/template-artifact', figures)).toEqual([]);
    const nothing = '<h3>Global Wearables Shipments 2019-2024</h3><p>Wearables are popular with younger buyers.</p>';
    expect((await runRule('text/template-artifact', nothing)).map((f) => f.messageId)).toEqual(['chart-caption']);
  });

  it('gives no caption, run-on or Markdown finding on the other seeds', async () => {
    for (const prefix of ['000', '001', '002', '004']) {
      const kinds = (await runRule('text/template-artifact', seedContext(prefix))).map((f) => f.messageId);
      expect(kinds.filter((k) => k === 'chart-caption' || k === 'run-on-list')).toEqual([]);
    }
  });
});
