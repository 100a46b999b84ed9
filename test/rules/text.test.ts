import { isChartCaption, runInCaption } from '../../src/parse/captions.js';
import { findDanglingGrowth, findGluedSentences } from '../../src/text/broken-sentences.js';
import { findCallToAction } from '../../src/text/call-to-action.js';
import { findDoubledWords } from '../../src/text/doubled-words.js';
import { findDraftingNotes } from '../../src/text/drafting-notes.js';
import { foreignMarketIn, foreignTopicIn, ownMarketWords } from '../../src/text/foreign-template.js';
import { findGarbledFigures } from '../../src/text/garbled-figures.js';
import { findMarkdown } from '../../src/text/markdown.js';
import { findMarkupResidue } from '../../src/text/markup-residue.js';
import { findMojibake, visible } from '../../src/text/mojibake.js';
import { imageNear, isNumberedCaption } from '../../src/text/orphan-captions.js';
import { bodyPlaces, pageLayout } from '../../src/text/page-chrome.js';
import { findPlaceholders } from '../../src/text/placeholders.js';
import { findRunOnList } from '../../src/text/run-on-list.js';
import { parseConfig, resolveRules } from '../../src/engine/config.js';
import { runRules } from '../../src/engine/run.js';
import { contextOf, quotes, ruleById, runRule, seedContext } from '../helpers/harness.js';

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
    expect(findMojibake('PriceÂ list').map((m) => visible(m.repaired ?? ''))).toEqual(['U+00A0 (no-break space)']);
    expect(findMojibake('A IRMÃ E O IRMÃO')).toEqual([]);
  });

  it('leaves correct text alone, and sequences that would decode to implausible characters', () => {
    expect(findMojibake('Türkiye, café, São Paulo, naïve, Zürich, “quoted” — ’ € £ ¥ © ® ° ± µ · ½ Ελλάδα Россия 日本')).toEqual([]);
    // "Ö’" is valid UTF-8 for a Hebrew accent: not a plausible repair.
    expect(findMojibake('GÖ’s')).toEqual([]);
  });

  it('is linear on hostile input', () => {
    // No time is asserted (timing belongs to npm run bench): a pattern that backtracks
    // catastrophically would not finish within Jest's test timeout, and the test would fail.
    findMojibake('Ã'.repeat(500_000));
    findMojibake('â€'.repeat(300_000));
  });

  it('repairs complete sequences read through Central European and Baltic code pages', () => {
    expect(findMojibake('ÂŠ 2025 Drone Brands').map((m) => [m.form, m.repaired, m.charset, m.lossy])).toEqual([['ÂŠ', '©', 'ISO-8859-2', false]]);
    expect(findMojibake('over 2026ā€“2050').map((m) => [m.form, m.repaired, m.charset])).toEqual([['ā€“', '–', 'Windows-1257']]);
  });

  it('reads what is left when the control bytes of an ISO page were dropped, where no word can stand', () => {
    const lossy = (t: string) => findMojibake(t).map((m) => [m.form, m.repaired, m.lossy]);
    expect(lossy('Hereâs a hint: itâs not who flies, we donât know')).toEqual([
      ['â', '’', true],
      ['â', '’', true],
      ['â', '’', true],
    ]);
    expect(lossy('the 2026ā2050 outlook')).toEqual([['ā', '–', true]]);
    expect(lossy('Charger Types:Ā Private')).toEqual([['Ā', '\u00a0', true]]);
    expect(lossy('Drone Brandsâ˘ and the trends â including')).toEqual([
      ['â˘', null, true],
      ['â', null, true],
    ]);
    expect(lossy('đ Drone Statistics; đşđ¸ United States; âĄď¸ Quick Tips')).toEqual([
      ['đ', null, true],
      ['đş', null, true],
      ['đ¸', null, true],
      ['âĄ', null, true],
      ['ď¸', '\ufe0f', true],
    ]);
    expect(findMojibake('Hereâs')[0].charsets).toEqual(['Latin-1', 'ISO-8859-2', 'ISO-8859-4', 'ISO-8859-9', 'ISO-8859-15']);
  });

  it('keeps real words in languages that use these letters', () => {
    for (const words of [
      'Rīgā, Jānis Bērziņš un Liepājā; Latviešu dziesmās un mājās; LATVIJĀ ',
      'Łódź, Gdańsk, WSPÓŁPRACA, Świętokrzyskie, częściej',
      'până mâine, atât, cât, decât, România, PĂŞUNE',
      'Příliš žluťoučký kůň, Ďakujem, Đorđe Đoković',
      'Giá 100.000 đ, đâu, cân',
      'São Paulo, naïve, Zürich, ðað, Māori ā',
    ]) {
      expect(findMojibake(words)).toEqual([]);
    }
  });

  it('is linear on hostile lossy input', () => {
    // No time is asserted (timing belongs to npm run bench): a pattern that backtracks
    // catastrophically would not finish within Jest's test timeout, and the test would fail.
    findMojibake('đş '.repeat(100_000));
    findMojibake('aâs '.repeat(100_000));
    findMojibake('ÂŠ'.repeat(200_000));
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

  it('names the code page that explains the whole page and groups remnants whose character is lost', async () => {
    const input = '<h1>đ Drone Facts</h1><p>Hereâs a hint: itâs the Brandsâ˘ list.</p><p>âĄď¸ Tips</p>';
    const findings = await runRule('text/encoding', input);
    expect(findings.map((f) => [f.messageId, f.data.charset, f.data.count])).toEqual([
      ['lossy', 'ISO-8859-2', 3],
      ['lossy', 'ISO-8859-2', 2],
      ['lossy', 'ISO-8859-2', 1],
    ]);
    expect(findings[0].message).toContain('“đ”, “â˘”, “âĄ”');
    expect(findings[0].message).toContain('the characters are lost');
    expect(findings[1].message).toContain('each probably read “’”');
    expect(findings[2].message).toContain('U+FE0F (emoji variation selector)');
  });

  it('finds nothing in a Latvian or Polish passage', async () => {
    expect(await runRule('text/encoding', '<p>Rīgā dzīvo Jānis Bērziņš; mājās un dziesmās. Łódź i Gdańsk, WSPÓŁPRACA.</p>')).toEqual([]);
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
    findPlaceholders('X'.repeat(100_000));
    findPlaceholders('[a'.repeat(50_000));
    findPlaceholders('{{'.repeat(50_000));
    findPlaceholders('valued at USD '.repeat(20_000));
  });
});

describe('text/placeholder', () => {
  it.each(SEEDS)('finds no placeholder in seed %s', async (prefix) => {
    expect(await runRule('text/placeholder', seedContext(prefix))).toEqual([]);
  });

  it('reports each placeholder with its sentence, up to the rule’s limit, and counts the rest', async () => {
    const input = `<p>The market is worth USD XX million. ${'Its share is XX%. '.repeat(10)}</p>`;
    expect(await runRule('text/placeholder', input)).toHaveLength(11);
    const rules = resolveRules([await ruleById('text/placeholder')], parseConfig({ rules: { 'text/placeholder': { maxFindings: 3 } } }));
    const { findings, omitted } = runRules(contextOf(input), rules);
    expect(findings).toHaveLength(3);
    expect(omitted).toEqual([{ ruleId: 'text/placeholder', limit: 3, count: 8, counts: { error: 8, warning: 0, info: 0 } }]);
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

describe('page chrome', () => {
  const html = [
    '<p>Home | Reports | Request Sample | Buy Now</p>',
    '<h1>Heat Pump Market</h1>',
    '<p>Heat pump sales rose in 2024 as European building rules favoured electric heating over gas boilers.</p>',
    '<h4>Shop our picks:</h4>',
    '<ul><li>Model A: <a href="https://shop.example.com/a?utm_source=x">Shop</a></li></ul>',
    '<p>Installers report long waiting lists in Germany and Poland, and prices rose by a tenth in a year.</p>',
    '<p>Clinics grew too. Request a free sample to see the full tables for every region and vendor.</p>',
    '<p>Buy the full report: https://example.com/buy</p>',
    '<p>© 2025 Example</p>',
  ].join('\n');

  it('tells the header and footer from the body by where the real text starts and ends', () => {
    const ctx = contextOf(html, 'page.html');
    const blocks = ctx.doc.blocks;
    const at = (needle: string) => blocks.findIndex((b) => b.text.includes(needle));
    const marks = ['Request Sample', 'Buy Now', 'Request a free sample', 'Buy the full report'].map((q) => {
      const b = at(q);
      const from = blocks[b].text.indexOf(q);
      return { block: b, from, to: from + q.length };
    });
    const layout = pageLayout(ctx.doc, marks);
    expect(layout.placement(at('Request Sample'))).toBe('header');
    expect(layout.placement(at('Buy the full report'))).toBe('footer');
    expect(layout.placement(at('Model A'))).toBe('body');
    expect(layout.isContent(at('Installers report'))).toBe(true);
    // A line of links and a few words is chrome, a paragraph with a call pasted in is text.
    expect(layout.isContent(at('Model A'))).toBe(false);
    expect(layout.isContent(at('Clinics grew too'))).toBe(true);
    const places = bodyPlaces(ctx.doc, layout, new Set([...marks.map((m) => m.block), at('Model A')]));
    expect(places.map((p) => [blocks[p.blocks[0]].text.slice(0, 12), p.label === null ? null : blocks[p.label].text, p.woven])).toEqual([
      ['Model A: Sho', 'Shop our picks:', false],
      ['Clinics grew', null, true],
    ]);
  });

  it('makes a page with no real text all header', () => {
    const ctx = contextOf('Buy Now\n\nRequest Sample\n', 'bar.txt');
    const layout = pageLayout(ctx.doc, []);
    expect([layout.firstContent, layout.placement(0), layout.placement(1)]).toEqual([-1, 'header', 'header']);
  });
});

describe('template residue detectors', () => {
  it('find notes of the writer or generator left in the text', () => {
    const kinds = (t: string) => findDraftingNotes(t).map((n) => [n.kind, n.text]);
    expect(kinds('Asia took 68%. Actually, wait — let’s correct that. China took 60%.')).toEqual([['self-correction', 'Actually, wait — let’s correct that']]);
    expect(kinds('Wait, no—actually the share is 12%.')).toEqual([['self-correction', 'Wait, no']]);
    expect(kinds('The base is 2023. Note: figures to be updated before release.')).toEqual([['editor-note', 'Note: figures to be updated before release']]);
    expect(kinds('Revenue rose 5% (insert chart here) in 2024 [citation needed].')).toEqual([
      ['editor-note', '(insert chart here)'],
      ['editor-note', '[citation needed]'],
    ]);
    expect(kinds('No CAGR is available for this market, so we estimate it at 6%.')).toEqual([
      ['estimate-working', 'No CAGR is available for this market, so we estimate it'],
    ]);
    expect(kinds('Assuming a 2024 base of roughly USD 5 billion, the market doubles.')).toEqual([['estimate-working', 'Assuming a 2024 base of roughly']]);
    expect(kinds('As an AI language model, I cannot browse. I hope this helps!')).toEqual([
      ['assistant-talk', 'As an AI language model'],
      ['assistant-talk', 'I hope this helps'],
    ]);
  });

  it('leave report prose about estimates, corrections, notes and waiting alone', () => {
    for (const prose of [
      'We estimate the market at USD 4.2 billion in 2024, assuming steady prices and a base-case scenario.',
      'Actually, no single vendor holds more than 15% of the market.',
      'Note: figures for 2024 are estimates based on company filings. Note: this report is to be updated quarterly.',
      'Prices corrected in 2023; buyers wait for new models, and analysts wait no longer than a quarter.',
      'Data are not available for every country, so the regional split relies on sales data.',
      'Let us look at the regional picture; let me add that imports grew.',
      'The hospital must insert a catheter before the procedure (see the source table).',
    ]) {
      expect(findDraftingNotes(prose)).toEqual([]);
    }
  });

  it('find malformed numbers, raw floats and unfilled template keys, not dates, versions or abbreviations', () => {
    const kinds = (t: string) => findGarbledFigures(t).map((g) => [g.kind, g.text]);
    expect(kinds('It will reach USD 15.53.46 trillion, or 4.2.1 billion units.')).toEqual([
      ['malformed-number', 'USD 15.53.46 trillion'],
      ['malformed-number', '4.2.1 billion'],
    ]);
    expect(kinds('a CAGR of 7.10567977603713% and a value of $1234.5678901 million')).toEqual([
      ['raw-float', '7.10567977603713%'],
      ['raw-float', '$1234.5678901 million'],
    ]);
    expect(kinds('Growth drivers: fibre rollouts, drivers.2, and drivers.3.')).toEqual([
      ['template-key', 'drivers.2'],
      ['template-key', 'drivers.3'],
    ]);
    for (const fine of [
      'Updated 15.03.2024 for version 2.1.3; see section 3.2.1 Market Overview.',
      'A share of 0.000042% went to others; pi is 3.14159.',
      'See fig.2 and vol.3, para.4; visit example.com/page.2 or www.site.io.',
      'Revenue of USD 15.53 trillion and 7.1% growth; 1.5.2024 release.',
    ]) {
      expect(findGarbledFigures(fine)).toEqual([]);
    }
  });

  it('find sentences glued in lower case, not abbreviations, addresses or brand names', () => {
    expect(findGluedSentences('Healthcare and retail leading the uptake. reflecting swift integration.').map((g) => g.text)).toEqual(['uptake. reflecting']);
    expect(findGluedSentences('Sales grew in the region. driven by clinics, and exports rose. while costs fell.').map((g) => g.text)).toEqual([
      'region. driven',
      'rose. while',
    ]);
    for (const fine of [
      'Vendors include Acme Inc. and others, e.g. smaller labs, etc. and the market grew approx. twice as fast.',
      'Write to sales@example. com or visit www.example. org for more.',
      'Shipments rose. iPhone sales fell. eBay grew.',
      'Prices fell in 2023. The market grew. Growth slowed.',
      'The report covers hardware, software, and services. segments include cloud.',
    ]) {
      expect(findGluedSentences(fine)).toEqual([]);
    }
  });

  it('find growth from a start with nothing to grow to, not complete statements', () => {
    const d = findDanglingGrowth('Beyond that, the drugs market is expected to grow from $37.1 billion in 2027, at a CAGR above 5%.');
    expect(d && { year: d.year }).toEqual({ year: 2027 });
    for (const fine of [
      'Sales should grow from $28.4 billion in 2022 to $30 billion in 2023.',
      'Sales should grow from $30 billion in 2023 at 5% a year through 2030.',
      'The market is set to grow from USD 5 billion in 2020, reaching USD 7 billion in 2024.',
      'Demand is expected to grow from low levels in 2020, driven by hospitals.',
      'The market is expected to grow from USD 4.1 billion in 2024 at a CAGR of 5.6% during the forecast period.',
      'Sales rose from USD 41.1 billion in 2022, driven by electric vehicles.',
    ]) {
      expect(findDanglingGrowth(fine)).toBeNull();
    }
    // The end point in another sentence of the paragraph.
    const paragraph = 'It will reach $10 billion by 2030. It is expected to grow from $5 billion in 2023, at 11% a year.';
    expect(findDanglingGrowth('It is expected to grow from $5 billion in 2023, at 11% a year.', paragraph)).toBeNull();
  });

  it('find doubled template and function words, not names or grammatical repeats', () => {
    expect(findDoubledWords('The Surfactants Market Market Size grew in the the region.').map((d) => d.text)).toEqual(['Market Market', 'the the']);
    expect(findDoubledWords('Bora Bora, Walla Walla, very very big, that that rule, it had had, on on-board, Market market.')).toEqual([]);
  });

  it('find image addresses, glued footnote links and, in HTML, escaped markup', () => {
    const kinds = (t: string, html = false) => findMarkupResidue(t, html).map((r) => [r.kind, r.text]);
    expect(kinds('Global Food /_next/image?url=%2Fimg%2FFood-Market.png&w=1920&q=75) grew.')).toEqual([
      ['image-address', '/_next/image?url=%2Fimg%2FFood-Market.png&w=1920&q=75)'],
    ]);
    expect(kinds('…construction.[1]https://www.example.gov/rules and more')).toEqual([['footnote-link', '[1]https://www.example.gov/rules']]);
    expect(kinds('Tom &amp;amp; Jerry<br> &nbsp;', true)).toEqual([
      ['escaped-markup', '&amp;'],
      ['escaped-markup', '<br>'],
      ['escaped-markup', '&nbsp;'],
    ]);
    // The same in plain text is literal; a chart file named, a reference list item, a bare link.
    expect(kinds('Tom &amp; Jerry <br>')).toEqual([]);
    expect(kinds('See chart.png (download logo.svg) and [1] https://example.gov and https://example.com/a.png')).toEqual([]);
  });

  it('recognise numbered captions and the image markup beside them', () => {
    expect(
      ['Figure 1: Health expenditure (%), 2018', 'Fig. 3 – Revenue by region', 'Exhibit 12. Market share', 'Chart 2: Sales'].every(isNumberedCaption),
    ).toBe(true);
    expect(
      ['Figure skating equipment market', 'Figures are in USD million.', 'Chart analysis: key points', 'Figure 1 shows the trend'].some(isNumberedCaption),
    ).toBe(false);
    const withImage = contextOf('<p>Text.</p><figure><img src="a.png"><figcaption>Figure 1: Sales, 2020</figcaption></figure><p>More.</p>', 'a.html');
    const without = contextOf('<p>Text.</p><p>Figure 1: Sales, 2020</p><p>Source: Database</p><p>More.</p>', 'b.html');
    const index = (c: typeof withImage) => c.doc.blocks.findIndex((b) => b.text.startsWith('Figure 1'));
    expect(imageNear(withImage.text, withImage.doc.blocks, index(withImage))).toBe(true);
    expect(imageNear(without.text, without.doc.blocks, index(without))).toBe(false);
  });

  it('read a unit in brackets as a chart caption, not a section or segment heading', () => {
    expect(isChartCaption('Heat Pump Market Size (USD Billion)')).toBe(true);
    expect(isChartCaption('Semiconductor Equipment Market Share, By Region, 2022 (%)')).toBe(true);
    expect(isChartCaption('Heat Pump Market Size and Forecast (USD Billion)')).toBe(false);
    expect(isChartCaption('Surfactants Market By Type, 2020-2030, (USD Billion), (Kilotons)')).toBe(false);
    expect(isChartCaption('Prices are given in (USD Billion)')).toBe(false);
  });

  it('find topics of another field in the lines of a report, only when the report shows no trace of that field', () => {
    const chemicals = {
      active: new Set(['chemicals']),
      scores: new Map([
        ['chemicals', 30],
        ['textiles', 1],
      ]),
    };
    expect(foreignTopicIn('Prices and Reimbursement Analysis', chemicals)).toMatchObject({ field: 'healthcare' });
    expect(foreignTopicIn('Market Procedure Volumes', chemicals)).toMatchObject({ field: 'healthcare' });
    // A trace of a field healthcare serves (a patient, a drug) is enough; dental reports are healthcare; an unknown field is not judged.
    expect(
      foreignTopicIn('Prices and Reimbursement Analysis', {
        ...chemicals,
        scores: new Map([
          ['chemicals', 30],
          ['pharmaceuticals', 1],
        ]),
      }),
    ).toBeNull();
    expect(foreignTopicIn('Prices and Reimbursement Analysis', { active: new Set(['dental']), scores: new Map([['dental', 20]]) })).toBeNull();
    expect(foreignTopicIn('Prices and Reimbursement Analysis', { active: new Set(), scores: new Map() })).toBeNull();
    // A sentence is not a template line; an end-use industry is not a topic.
    expect(
      foreignTopicIn('Hospitals that buy the cleaning chemicals we cover get reimbursement from public insurers in several countries', chemicals),
    ).toBeNull();
    expect(foreignTopicIn('Healthcare Applications', chemicals)).toBeNull();
  });

  it('find ranking claims about a market of another field', () => {
    const pages = [
      'The global veterinary diagnostics market grows fast.',
      'Veterinary diagnostics market leaders invest in labs.',
      'The animal health market is its parent market.',
    ];
    const own = ownMarketWords(pages, 'veterinary diagnostics');
    const fields = new Set(['veterinary', 'diagnostics']);
    expect(foreignMarketIn('Asia-Pacific is expected to be the fastest-growing region of the global vaccine market.', own, fields)).toMatchObject({
      market: 'vaccine',
      field: 'infectious-disease',
    });
    for (const fine of [
      'Asia-Pacific is the fastest-growing region of the global veterinary diagnostics market.',
      'North America is the largest region of the global animal health market.',
      'North America is the largest region of the global pharmaceuticals market.',
      'The global vaccine market grew by 5% last year.',
      'Asia-Pacific is the fastest-growing region of the global widget market.',
    ]) {
      expect(foreignMarketIn(fine, own, fields)).toBeNull();
    }
    expect(foreignMarketIn('Asia-Pacific is the fastest-growing region of the global vaccine market.', own, new Set())).toBeNull();
  });

  it('are linear on hostile input', () => {
    // No time is asserted (timing belongs to npm run bench): a pattern that backtracks
    // catastrophically would not finish within Jest's test timeout, and the test would fail.
    findDraftingNotes('note: '.repeat(40_000));
    findDraftingNotes('actually, '.repeat(40_000));
    findGarbledFigures('1.2.'.repeat(50_000));
    findGarbledFigures('$1.' + '1'.repeat(100_000));
    findGluedSentences('abc. '.repeat(50_000));
    findDanglingGrowth('grow from $5 billion in 2020 '.repeat(60));
    findDoubledWords('the '.repeat(60_000));
    findMarkupResidue('a.png?w='.repeat(30_000), true);
    findMarkupResidue('x[1]http://'.repeat(20_000), false);
    foreignTopicIn('reimbursement '.repeat(10_000), { active: new Set(['chemicals']), scores: new Map() });
    ownMarketWords(['a b c d e f market '.repeat(10_000)], null);
  });
});

describe('text/leaked-drafting, text/garbled-text, text/foreign-template', () => {
  it.each(SEEDS)('find nothing in seed %s', async (prefix) => {
    for (const id of ['text/leaked-drafting', 'text/garbled-text', 'text/foreign-template']) expect(await runRule(id, seedContext(prefix))).toEqual([]);
  });

  it('report a dangling growth statement with its sentence', async () => {
    const [f] = await runRule(
      'text/garbled-text',
      '<p>Sales reached $30 billion in 2023. The drugs market is expected to grow from $37.1 billion in 2027, at a CAGR above 5%.</p>',
    );
    expect(f.messageId).toBe('dangling-growth');
    expect(quotes(f)).toEqual(['grow from $37.1 billion in 2027', 'The drugs market is expected to grow from $37.1 billion in 2027, at a CAGR above 5%.']);
  });

  it('report the lines of one foreign template as one finding, which keeps its fingerprint when a line joins', async () => {
    const page = (lines: string[]) =>
      [
        '<h1>Surfactants Market Outlook 2030</h1>',
        '<p>The surfactants market grows with demand for detergents, personal care and agricultural chemicals; anionic surfactants lead, and specialty chemicals makers expand capacity for non-ionic surfactants and solvents.</p>',
        `<ul><li>Market Size</li>${lines.map((l) => `<li>${l}</li>`).join('')}</ul>`,
      ].join('\n');
    const [f, ...more] = await runRule('text/foreign-template', page(['Market Procedure Volumes', 'Prices and Reimbursement Analysis']));
    expect(more).toEqual([]);
    expect(f.data).toMatchObject({ count: 2, lines: '2 lines', field: 'healthcare' });
    expect(f.message).toMatch(
      /^2 lines of a healthcare report’s template in this report about chemicals: “Market Procedure Volumes” \(“Procedure Volumes”\) and /,
    );
    const [g] = await runRule('text/foreign-template', page(['Prices and Reimbursement Analysis']));
    expect(g.fingerprint).toBe(f.fingerprint);
    expect(await runRule('text/foreign-template', page(['Regional Analysis', 'Competitive Landscape']))).toEqual([]);
  });

  it('do not judge template lines when the report’s field cannot be told', async () => {
    const input = '<h1>Widget Market</h1><ul><li>Prices and Reimbursement Analysis</li><li>Market Procedure Volumes</li></ul>';
    expect(await runRule('text/foreign-template', input)).toEqual([]);
  });
});
