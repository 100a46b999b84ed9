import { canonicalItem, overlapOf } from '../../src/segments/canonical.js';
import { DomainsFileSchema, RELATED, SETTINGS } from '../../src/lexicon/domains.js';
import { inlineBreakdowns } from '../../src/segments/inline.js';
import { itemDimension } from '../../src/segments/item-dimension.js';
import { readItem } from '../../src/segments/item-domain.js';
import { labelDimension } from '../../src/lexicon/label.js';
import { isOther, normaliseText, stripParentheticals } from '../../src/lexicon/normalise.js';
import { PhraseIndex } from '../../src/matching/phrase-index.js';
import { collapseWhitespace } from '../../src/util/whitespace.js';
import { SegmentTermsSchema } from '../../src/lexicon/segment-terms.js';
import domainsData from '../../rules/data/domains.json' with { type: 'json' };
import termsData from '../../rules/data/segment-terms.json' with { type: 'json' };
import type { Finding } from '../../src/schema/finding.js';
import { contextOf, quotes, runRule, seedContext } from '../helpers/harness.js';

const SEEDS = ['000', '001', '002', '003', '004'];

/** A plain-text report: a title, a paragraph of vocabulary, then one labelled bullet list per breakdown. */
function report(title: string, body: string, lists: Record<string, string[]>): string {
  const parts = [title, '', body, ''];
  for (const [label, items] of Object.entries(lists)) parts.push(label, '', ...items.map((i) => `  • ${i}`), '');
  return parts.join('\n');
}

const CELL_THERAPY_BODY =
  'CAR T-cell therapy and other immune cell therapy products treat leukemia, lymphoma and solid tumors. Cellular immunotherapy programmes run in oncology centres, and the cancer pipeline keeps growing.';
const DRUG_BODY =
  'The oncology drugs market covers chemotherapy and targeted therapy for cancer. Pharmaceutical companies run clinical trials in solid tumors, leukemia and lymphoma.';

describe('data files', () => {
  it('validate against their schemas and cite a source for every entry', () => {
    const domains = DomainsFileSchema.parse(domainsData);
    for (const d of domains.domains) expect(d.source.length).toBeGreaterThan(20);
    const terms = SegmentTermsSchema.parse(termsData);
    for (const g of terms.synonyms) expect(g.source.length).toBeGreaterThan(10);
    for (const k of terms.kinds) expect(k.source.length).toBeGreaterThan(10);
  });

  it('reject a domain that refers to an unknown domain', () => {
    const broken = structuredClone(domainsData) as { domains: Array<{ related: string[] }> };
    broken.domains[0].related.push('no-such-domain');
    expect(DomainsFileSchema.safeParse(broken).success).toBe(false);
  });

  it('relate cell therapy to the diseases it treats but not its care settings to endocrinology', () => {
    expect(RELATED.get('immune-cell-therapy')!.has('metabolic-endocrine')).toBe(true);
    expect(SETTINGS.get('immune-cell-therapy')!.has('metabolic-endocrine')).toBe(false);
    expect(SETTINGS.get('cell-gene-therapy')!.has('wound-care')).toBe(true);
    // Directed: electronics sells to healthcare; a drug report does not list electronics.
    expect(RELATED.get('electronics-semiconductors')!.has('healthcare')).toBe(true);
    expect(RELATED.get('pharmaceuticals')!.has('electronics-semiconductors')).toBe(false);
  });
});

describe('segment helpers', () => {
  it('read a label’s dimension from the words after “by”, ignoring asides', () => {
    expect(labelDimension('The Immune Cell Therapy Market Industry Research by Application is segmented into')).toBe('application');
    expect(labelDimension('End User Insights (Revenue, USD Bn, 2020 - 2032)')).toBe('end user');
    expect(labelDimension('Cell Sources Market by Type')).toBe('type');
    expect(labelDimension('Top Strategies Followed by Global Market Players')).toBeNull();
    expect(labelDimension('x'.repeat(400) + ' by Region')).toBeNull();
  });

  it('parse “By X (…)” and “By X: …” enumerations with offsets, keeping asides inside items', () => {
    const text =
      'Cell Therapy Market, By Source (Autologous (patient-derived cells) and Allogeneic (donor-derived cells)), By End User (Hospitals and Clinics, Specialty Centers, and Others (Academic, etc.))';
    const found = inlineBreakdowns(text);
    expect(found.map((f) => f.dimension)).toEqual(['source', 'end user']);
    expect(found[0].items.map((i) => i.text)).toEqual(['Autologous (patient-derived cells)', 'Allogeneic (donor-derived cells)']);
    expect(found[1].items.map((i) => i.text)).toEqual(['Hospitals and Clinics', 'Specialty Centers', 'Others (Academic, etc.)']);
    for (const i of found[1].items) expect(text.slice(i.from, i.to)).toBe(i.text);
    expect(inlineBreakdowns('By Type: CAR-T, TCR-T and NK cells. The rest is prose, by region.')[0].items.map((i) => i.text)).toEqual([
      'CAR-T',
      'TCR-T and NK cells',
    ]);
    // Prose is not an enumeration.
    expect(inlineBreakdowns('Revenue is split by type (see the table in the next chapter for every detail we have collected over many years).')).toEqual([]);
  });

  it('parse “By X, the market is divided into …” and “By X: (…)” enumerations', () => {
    const text =
      'By technology, the global market is divided into clinical chemistry, hematology, and others. By end user, the market covers labs and clinics.';
    const found = inlineBreakdowns(text);
    expect(found.map((f) => [f.dimension, text.slice(f.cue.from, f.cue.to), f.items.map((i) => i.text)])).toEqual([
      ['technology', 'By technology', ['clinical chemistry', 'hematology', 'others']],
      ['end user', 'By end user', ['labs', 'clinics']],
    ]);
    expect(inlineBreakdowns('In terms of region, the market is segmented into Europe, Asia, and Africa.')[0].items.map((i) => i.text)).toEqual([
      'Europe',
      'Asia',
      'Africa',
    ]);
    expect(inlineBreakdowns('Hotel Market (By Application: (Business, Leisure), By Region)')[0].items.map((i) => i.text)).toEqual(['Business', 'Leisure']);
    // A "by" phrase without an introducing clause is prose.
    expect(inlineBreakdowns('By application, demand grew fastest in hospitals, clinics and labs.')).toEqual([]);
    expect(inlineBreakdowns('By 2030, the market is divided into winners and losers.')).toEqual([]);
  });

  it('split items at conjunctions, share head nouns and map synonyms', () => {
    expect(canonicalItem('Academic and Research Institutes').parts).toEqual(['academic institute', 'research institute']);
    expect(canonicalItem('Hospitals & Clinics').parts).toEqual(['clinic', 'hospital']);
    expect(canonicalItem('Oncology').parts).toEqual(['cancer']);
    expect(canonicalItem('Contract Development and Manufacturing Organizations (CDMOs)').parts).toEqual(['cdmo']);
    expect(overlapOf(canonicalItem('Cancer'), canonicalItem('Oncology'))).toEqual({ kind: 'same', canonical: 'cancer' });
    expect(overlapOf(canonicalItem('Hospitals'), canonicalItem('Hospitals and Clinics'))).toEqual({ kind: 'contains', whole: 1 });
    expect(overlapOf(canonicalItem('Lung Cancer'), canonicalItem('Breast Cancer'))).toBeNull();
    expect(overlapOf(canonicalItem('Stem Cells'), canonicalItem('Mesenchymal Stem Cells'))).toBeNull();
  });

  it('recognise remainders', () => {
    for (const o of ['Others', 'Other', 'Others (Academic and Research Institutes, etc.)', 'Rest of Europe', 'Miscellaneous']) expect(isOther(o)).toBe(true);
    for (const o of ['Otolaryngology', 'Other Cancers of the Head and Neck Region Treated Surgically']) expect(isOther(o)).toBe(false);
  });

  it('classify items by head noun, lexicon and gazetteer', () => {
    expect(itemDimension('Cancer Research Centers')).toBe('end user');
    expect(itemDimension('Diagnostic Laboratories')).toBe('end user');
    expect(itemDimension('Home Healthcare Services')).toBe('end user');
    expect(itemDimension('Ambulatory Surgical Centers (ASCs)')).toBe('end user');
    expect(itemDimension('Hospital Pharmacies')).toBe('distribution channel');
    expect(itemDimension('Lung Cancer')).toBe('indication');
    expect(itemDimension('Diabetes')).toBe('indication');
    expect(itemDimension('Oncology')).toBe('therapeutic area');
    expect(itemDimension('Automotive')).toBe('industry');
    expect(itemDimension('Germany')).toBe('region');
    expect(itemDimension('Subcutaneous')).toBe('delivery method');
    expect(itemDimension('Others')).toBe('other');
    expect(itemDimension('T Cell Therapy')).toBeNull();
    expect(itemDimension('Seaweed Extracts')).toBe('substance');
    expect(itemDimension('Amino Acids')).toBe('substance');
    expect(itemDimension('Liquid Extracts')).toBe('form');
    expect(itemDimension('Wettable Powder')).toBe('form');
    expect(itemDimension('Semi-Solid')).toBe('form');
  });

  it('read what domain an item names, only when it names one clearly', () => {
    expect(readItem('Specialty Endocrinology and Obesity Centers')).toMatchObject({ kind: 'setting', domains: ['metabolic-endocrine'] });
    expect(readItem('Dermatology Clinics')).toMatchObject({ kind: 'setting', domains: ['dermatology'] });
    expect(readItem('Animal Feed')).toMatchObject({ kind: 'industry', domains: ['animal-feed'] });
    expect(readItem('Semiconductor Industry')).toMatchObject({ kind: 'industry', domains: ['electronics-semiconductors'] });
    expect(readItem('Lung Cancer')).toMatchObject({ kind: 'condition', domains: ['oncology'] });
    for (const general of ['Hospitals and Clinics', 'Research Institutes', 'Ambulatory Surgical Centers', 'Others', 'Home Care Settings']) {
      expect(readItem(general)).toBeNull();
    }
  });
});

describe('text helpers', () => {
  const index = new PhraseIndex(
    [
      { phrase: 'cell', data: ['cell'] },
      { phrase: 'cell therapy', data: ['cell therapy'] },
      { phrase: 'CAR-T cell therapy', data: ['car-t'] },
      { phrase: "Crohn's disease", data: ['crohn'] },
      { phrase: 'in vitro diagnostics', data: ['ivd'] },
      { phrase: 'Cell therapy', data: ['again'] },
    ],
    (a, b) => [...a, ...b],
  );
  const found = (text: string) => index.find(text).map((h) => [text.slice(h.from, h.to), h.data.join('+')]);

  it('finds phrases word by word, longest first, merging entries that fold alike', () => {
    expect(found('CAR T Cell  Therapy beats cell lines; Crohn’s disease, crohns disease; in vitro diagnostics in vitro.')).toEqual([
      ['CAR T Cell  Therapy', 'car-t'],
      ['cell', 'cell'],
      ['Crohn’s disease', 'crohn'],
      ['in vitro diagnostics', 'ivd'],
    ]);
    expect(found('cell therapy')).toEqual([['cell therapy', 'cell therapy+again']]);
    expect(found('in vitro diagnostics')).toEqual([['in vitro diagnostics', 'ivd']]);
    // Near misses: four spaces or punctuation between words, or a word run on.
    expect(found('cell    therapy; cell, therapy; cells therapy')).toEqual([
      ['cell', 'cell'],
      ['cell', 'cell'],
    ]);
    expect(index.size).toBe(5);
  });

  it('collapse white space as a regular expression would, without one for tidy text', () => {
    for (const text of ['Hospitals and Clinics', ' Hospitals', 'Hospitals ', 'Home  Care', 'Home\tCare', 'Home\u00a0Care', '\n', '', 'a \u2003b']) {
      expect(collapseWhitespace(text)).toBe(text.replace(/\s+/g, ' ').trim());
    }
    const tidy = 'Specialty Clinics';
    expect(collapseWhitespace(tidy)).toBe(tidy);
  });

  it('strip asides and normalise names the same way on every call', () => {
    expect(stripParentheticals('Others (Academic (Teaching), etc.) and [Misc]  Centres')).toBe('Others and Centres');
    expect(stripParentheticals('Stray ) closer (kept')).toBe('Stray ) closer');
    expect(stripParentheticals('Stray ) closer (kept')).toBe('Stray ) closer');
    const long = 'Hospital '.repeat(50) + '(aside)';
    expect(stripParentheticals(long)).toBe(long.slice(0, 300).replace(/\s+/g, ' ').trim());
    expect(normaliseText('Paediatric Centres & Clinics/Hospitals')).toBe('pediatric centers and clinics or hospitals');
    expect(normaliseText('Paediatric Centres & Clinics/Hospitals')).toBe('pediatric centers and clinics or hospitals');
  });
});

/** The items a grouped segments finding names: its primary, then the related evidence in the item role. */
const items = (f: Finding) => [f.primary!, ...f.related.filter((e) => e.role === 'item')].map((e) => e.quote);

describe('segments/off-domain', () => {
  it('flags the endocrinology and obesity centres of seed 001 once, with every occurrence', async () => {
    const findings = await runRule('segments/off-domain', seedContext('001'));
    expect(findings).toHaveLength(1);
    const [f] = findings;
    expect(f.messageId).toBe('setting');
    expect(f.primary?.quote).toBe('Specialty Endocrinology and Obesity Centers');
    expect(f.data).toMatchObject({
      count: 1,
      listing: '“Specialty Endocrinology and Obesity Centers” (metabolic and endocrine care: endocrinology, obesity, listed 3 times)',
    });
    expect(String(f.data.reportDomain)).toContain('immune cell therapy');
    expect(f.message).toContain('metabolic and endocrine care');
    expect(quotes(f).filter((q) => q === 'Specialty Endocrinology and Obesity Centers')).toHaveLength(3);
  });

  it.each(['000', '002', '003', '004'])('finds nothing off-domain in seed %s (cancer types, hospitals, wound care in cell therapy)', async (prefix) => {
    expect(await runRule('segments/off-domain', seedContext(prefix))).toEqual([]);
  });

  it('never flags hospitals, clinics or research institutes in any seed', async () => {
    for (const prefix of SEEDS) {
      for (const f of await runRule('segments/off-domain', seedContext(prefix))) {
        expect(f.primary?.quote).not.toMatch(/^(?:hospitals?|clinics?|hospitals and clinics|research institutes?)$/i);
      }
    }
  });

  it('flags an unrelated industry among a drug report’s applications and end users', async () => {
    const input = report('Oncology Drugs Market', DRUG_BODY, {
      'By Application:': ['Breast Cancer', 'Semiconductors', 'Animal Feed'],
      'By End User:': ['Hospitals', 'Automotive Industry'],
    });
    // One finding per dimension and kind, naming its items.
    const findings = await runRule('segments/off-domain', input);
    expect(findings.map((f) => [f.messageId, f.data.dimension, ...items(f)])).toEqual([
      ['industry', 'Application', 'Semiconductors', 'Animal Feed'],
      ['industry', 'End user', 'Automotive Industry'],
    ]);
    expect(findings[0].message).toMatch(/^Application segments that are industries unrelated to the report’s subject, .* \(2 items\): “Semiconductors” \(/);
  });

  it('accepts items of related industries (animal feed in an amino-acids chemicals report)', async () => {
    const input = report(
      'Amino Acids Market',
      'Amino acids are specialty chemicals used as feed additives in compound feed, in dietary supplements and in pharmaceuticals. Chemical producers expand capacity.',
      { 'By Application:': ['Animal Feed', 'Food and Beverages', 'Pharmaceuticals', 'Dietary Supplements'] },
    );
    expect(await runRule('segments/off-domain', input)).toEqual([]);
  });

  it('accepts the specialty settings of the report’s own domain', async () => {
    const input = report(
      'Psoriasis Treatment Market',
      'Dermatology practices treat psoriasis, atopic dermatitis and other skin diseases; dermatologists prescribe biologics and topical drugs for psoriasis.',
      { 'By End User:': ['Dermatology Clinics', 'Hospitals', 'Wound Care Centers'] },
    );
    expect(await runRule('segments/off-domain', input)).toEqual([]);
  });

  it('flags a specialty setting that does not deliver the report’s subject', async () => {
    const input = report('CAR T-Cell Therapy Market', CELL_THERAPY_BODY, { 'By End User:': ['Hospitals', 'Dental Clinics', 'Cancer Treatment Centers'] });
    const findings = await runRule('segments/off-domain', input);
    expect(findings.map((f) => [f.messageId, f.primary?.quote, f.data.listing])).toEqual([
      ['setting', 'Dental Clinics', '“Dental Clinics” (dentistry: dental)'],
    ]);
  });

  it('does not guess when the report’s domain is unclear', async () => {
    const input = report('Market Report 2025', 'The market grew in 2024 and will keep growing.', { 'By End User:': ['Dental Clinics', 'Automotive'] });
    expect(await runRule('segments/off-domain', input)).toEqual([]);
  });

  it('does not let the flagged items vouch for their own domain', async () => {
    const input = report('CAR T-Cell Therapy Market', CELL_THERAPY_BODY, {
      'By End User:': ['Obesity Centers', 'Bariatric Clinics', 'Diabetes Centers', 'Endocrinology Clinics', 'Weight Loss Clinics', 'Thyroid Centers'],
    });
    const [f, ...more] = await runRule('segments/off-domain', input);
    expect(more).toEqual([]);
    expect(f.data.count).toBe(6);
    expect(items(f)).toEqual(['Obesity Centers', 'Bariatric Clinics', 'Diabetes Centers', 'Endocrinology Clinics', 'Weight Loss Clinics', 'Thyroid Centers']);
  });
});

describe('segments/off-domain: fields beyond healthcare, products and drivers', () => {
  const COLD_CHAIN =
    'Cold chain logistics moves temperature-sensitive goods through refrigerated warehouses and reefer trucks. Third party logistics providers run cold storage for frozen food, vaccines and biologics; warehousing capacity keeps growing along the supply chain.';
  const DENTAL =
    'A dental dam isolates teeth during restorative dentistry and endodontic treatment. Dentists use it to keep the field dry; it also protects against infection passed on through oral contact. Dental practices and dental schools are the main buyers.';

  it('flags insurance products and financial institutions in a cold-chain report, once per item', async () => {
    const input = report('Cold Chain Logistics Market', COLD_CHAIN, {
      'By Type:': ['Stand-alone Cyber Insurance: a dedicated policy bought separately, covering breach response.', 'Refrigerated Warehousing'],
      'By Application:': ['Financial Institutions', 'Food and Beverages', 'Pharmaceuticals', 'Healthcare', 'Chemicals', 'Others'],
    });
    const findings = await runRule('segments/off-domain', input);
    expect(findings.map((f) => [f.messageId, f.primary?.quote, f.data.reportDomain])).toEqual([
      ['product', 'Stand-alone Cyber Insurance', 'logistics and warehousing'],
      ['industry', 'Financial Institutions', 'logistics and warehousing'],
    ]);
  });

  it('accepts the buyers a cold-chain, hotel or insurance report plausibly lists', async () => {
    const cold = report('Cold Chain Logistics Market', COLD_CHAIN, {
      'By Application:': ['Food and Beverages', 'Pharmaceuticals', 'Healthcare', 'Chemicals', 'Agriculture', 'Retail and Wholesale', 'Food Service'],
    });
    expect(await runRule('segments/off-domain', cold)).toEqual([]);
    const hotel = report(
      'Mid-range Hotel Market',
      'Hotels and resorts serve business travel and leisure travel; occupancy rate and room nights recovered as tourism grew.',
      {
        'By Application:': ['Business', 'Leisure', 'Corporate Travel'],
        'By End User:': ['Travel and Tourism', 'Restaurants', 'Food Service'],
      },
    );
    expect(await runRule('segments/off-domain', hotel)).toEqual([]);
    const farm = report(
      'Crop Insurance Market',
      'Agriculture insurers sell crop insurance to farming households; crops, fertilizers and irrigation drive premiums.',
      {
        'By Type:': ['Crop Insurance', 'Livestock Insurance'],
      },
    );
    expect(await runRule('segments/off-domain', farm)).toEqual([]);
  });

  it('reads a condition with a clinical action after it, and flags one from another field', async () => {
    expect(readItem('Respiratory Disease Treatment')).toMatchObject({ kind: 'condition', domains: ['respiratory'] });
    const input =
      'Dental Dam Market\n\n' +
      DENTAL +
      '\n\nBy application, the market covers patient hygiene, surgery, restorative treatment, respiratory disease treatment, cosmetic use and others.';
    const findings = await runRule('segments/off-domain', input);
    expect(findings.map((f) => [f.messageId, f.primary?.quote, f.data.listing])).toEqual([
      ['condition', 'respiratory disease treatment', '“respiratory disease treatment” (respiratory care: respiratory disease)'],
    ]);
  });

  it('flags a growth driver that cites a disease of another field, not one the report’s field treats', async () => {
    const input = report('Dental Dam Market', DENTAL, {
      'Growth of the market is driven mainly by:': [
        'a rise in sexually transmitted infections passed on through the oral route',
        'an increase in cases of neurological diseases',
        'rising periodontal disease among people with diabetes',
        'chronic conditions such as diabetes and epilepsy that need frequent dental care',
        'growing cases of diabetes and migraine',
        'the low unit cost of dental dams',
      ],
    });
    const findings = await runRule('segments/off-domain', input);
    expect(findings.map((f) => [f.messageId, f.primary?.quote, f.data.listing])).toEqual([
      ['driver', 'neurological diseases', '“an increase in cases of neurological diseases” (neurological diseases: neurology)'],
    ]);
  });

  it('accepts diseases cited as drivers by reports that sell to healthcare or treat animals', async () => {
    const wearables = report(
      'Smartwatch Market',
      'Consumer electronics makers ship smartwatches with semiconductors from the wearable devices supply base; integrated circuits and printed circuit boards get smaller.',
      {
        'Market drivers:': ['rising prevalence of diabetes and heart disease', 'growing demand for sleep apnea screening'],
      },
    );
    expect(await runRule('segments/off-domain', wearables)).toEqual([]);
    const pets = report(
      'Veterinary Pharmaceuticals Market',
      'Veterinarians treat companion animals and livestock; animal health companies sell vaccines and antibiotics for companion animal care.',
      {
        'Key drivers:': ['rising obesity and osteoarthritis in dogs', 'more cases of feline diabetes'],
      },
    );
    expect(await runRule('segments/off-domain', pets)).toEqual([]);
  });
});

describe('segments/duplicate', () => {
  it('flags “Cancer” and “Oncology” in the therapeutic-class breakdown of seed 003', async () => {
    const findings = await runRule('segments/duplicate', seedContext('003'));
    expect(findings.map((f) => f.messageId)).toEqual(['synonym']);
    expect(quotes(findings[0])).toEqual(expect.arrayContaining(['Cancer', 'Oncology', 'By Therapeutic class']));
  });

  it.each(['000', '001', '002', '004'])('finds no duplicate peers in seed %s', async (prefix) => {
    expect(await runRule('segments/duplicate', seedContext(prefix))).toEqual([]);
  });

  it('reports a pair once when the breakdown is restated elsewhere', async () => {
    const input = report('Cell Therapy Market', 'By End User (Hospitals, Hospitals and Clinics, Others) the market is split.', {
      'By End User:': ['Hospitals', 'Hospitals and Clinics', 'Others'],
    });
    const findings = await runRule('segments/duplicate', input);
    expect(findings.map((f) => f.messageId)).toEqual(['contains']);
    expect(findings[0].related.filter((e) => e.role === 'repeat')).toHaveLength(2);
  });

  it('flags literal repeats and can leave containment alone', async () => {
    const input = report('Cell Therapy Market', 'Text.', { 'By End User:': ['Hospitals', 'Clinics', 'Hospitals', 'Hospitals and Clinics'] });
    // The two items that contain a peer are one finding of that kind.
    expect((await runRule('segments/duplicate', input)).map((f) => [f.messageId, f.data.count])).toEqual([
      ['repeat', 1],
      ['contains', 2],
    ]);
    expect((await runRule('segments/duplicate', input, { containment: false })).map((f) => f.messageId)).toEqual(['repeat']);
  });

  it('leaves alone subtypes, nested lists, remainders and place lists', async () => {
    const input = [
      '<h2>By Application</h2><ul><li>Lung Cancer</li><li>Breast Cancer</li><li>Blood Cancer</li><li>Other</li><li>Others</li></ul>',
      '<h2>By Therapy Type</h2><ul><li>Cell Therapy<ul><li>T Cells</li><li>Cell Therapy Products</li></ul></li><li>Gene Therapy</li></ul>',
      '<h2>Asia Pacific</h2><ul><li>Korea</li><li>South Korea</li><li>China</li></ul>',
    ].join('');
    expect(await runRule('segments/duplicate', input)).toEqual([]);
  });
});

describe('segments/duplicate: beyond synonyms of one thesaurus', () => {
  const run = async (lists: Record<string, string[]>, body = 'Text.') =>
    (await runRule('segments/duplicate', report('Widget Market', body, lists))).map((f) => [f.messageId, ...quotes(f).slice(0, 2)]);

  it('flags an item repeated inside a prose enumeration', async () => {
    const input =
      'Widget Market\n\nBy technology, the market is divided into clinical chemistry, hematology, urinalysis, molecular diagnostics, urinalysis, and others.';
    const findings = await runRule('segments/duplicate', input);
    expect(findings.map((f) => [f.messageId, f.data.listing])).toEqual([['repeat', '“urinalysis”']]);
    const based = 'Coffee Market\n\nBased on distribution channel, the market is segmented into retail, supermarkets & hypermarkets, online, and others.';
    expect((await runRule('segments/duplicate', based)).map((f) => [f.messageId, f.primary?.quote])).toEqual([['member', 'retail']]);
  });

  it('flags synonyms, an abbreviation beside its expansion, and a word-order variant', async () => {
    expect(await run({ 'By Product:': ['Cold Brew', 'Iced Coffee', 'Cold-Steeped Coffee'] })).toEqual([['synonym', 'Cold Brew', 'Cold-Steeped Coffee']]);
    expect(await run({ 'By Application:': ['Adaptive Cruise Control', 'Lane Departure Warning', 'ACC'] })).toEqual([
      ['synonym', 'Adaptive Cruise Control', 'ACC'],
    ]);
    expect(await run({ 'By Modality:': ['Computed Tomography', 'Ultrasound', 'CT'] })).toEqual([['synonym', 'Computed Tomography', 'CT']]);
    expect(await run({ 'By Application:': ['Blind Spot Detection (BSD)', 'Blind Spot Monitoring (BSM)', 'Park Assist'] })).toEqual([
      ['synonym', 'Blind Spot Detection (BSD)', 'Blind Spot Monitoring (BSM)'],
    ]);
    expect(await run({ 'By Application:': ['Treatment of Cancer', 'Diagnosis', 'Cancer Treatments'] })).toEqual([
      ['synonym', 'Treatment of Cancer', 'Cancer Treatments'],
    ]);
    // A bare word read with its peer's head noun: "Business" beside "Corporate Travel" is business travel.
    expect(await run({ 'By Application:': ['Business', 'Leisure', 'Corporate Travel'] })).toEqual([['synonym', 'Business', 'Corporate Travel']]);
  });

  it('flags a class beside its own member, from the lexicon and from the page’s structure', async () => {
    expect(await run({ 'By Material:': ['Plastics', 'Glass', 'Polypropylene', 'Paper'] })).toEqual([['member', 'Plastics', 'Polypropylene']]);
    expect(await run({ 'By Channel:': ['Retail', 'Online', 'Supermarkets', 'Department Stores'] })).toEqual([['member', 'Retail', 'Supermarkets']]);
    expect(await run({ 'By Channel:': ['Brick and Mortar', 'Online', 'Hypermarkets/Supermarkets'] })).toEqual([
      ['member', 'Brick and Mortar', 'Hypermarkets/Supermarkets'],
    ]);
    expect(await run({ 'By Type:': ['Limited-Service Restaurants', 'Full-Service Restaurants', 'Quick Service Restaurants (QSR)'] })).toEqual([
      ['member', 'Limited-Service Restaurants', 'Quick Service Restaurants (QSR)'],
    ]);
    expect(await run({ 'By Channel:': ['Retail (including Department Stores)', 'Department Stores', 'Online'] })).toEqual([
      ['nested', 'Department Stores', 'Retail (including Department Stores)'],
    ]);
    const nested = '<h2>By Material</h2><ul><li>Metals<ul><li>Steel</li><li>Aluminium</li></ul></li><li>Glass</li><li>Steel</li></ul>';
    expect((await runRule('segments/duplicate', nested)).map((f) => [f.messageId, f.primary?.quote])).toEqual(expect.arrayContaining([['nested', 'Steel']]));
  });

  it('leaves near-misses alone', async () => {
    expect(
      await run({
        'By Material:': ['Polyethylene', 'Polyethylene Terephthalate', 'Polypropylene', 'Polyvinyl Chloride'],
        'By End User:': ['Hospitals', 'Hospital Pharmacies', 'Institutional Pharmacies', 'Clinics'],
        'By Channel:': ['Retail', 'Online', 'Direct Sales'],
        'By Service Type:': ['Full-Service', 'Limited-Service'],
        'By Range:': ['Visual Line of Sight (VLOS)', 'Extended Visual Line of Sight (EVLOS)', 'Beyond Visual Line of Sight (BVLOS)'],
        'By Luggage Type:': ['Casual Bags', 'Travel Bags', 'Business Bags'],
        'By Vector:': ['Viral (adeno-associated virus, lentivirus, others)', 'Non-Viral (plasmid DNA, lipid nanoparticles, others)'],
      }),
    ).toEqual([]);
    // Asides that are not the item's own acronym (a home market, a unit) make no two items one.
    expect(await run({ 'By End User:': ['Hospitals (US)', 'Clinics (US)', 'Laboratories (USD)', 'Research Centers (USD)'] })).toEqual([]);
    const places = '<h2>Asia Pacific</h2><ul><li>China</li><li>China Taiwan</li><li>Japan</li></ul>';
    expect(await runRule('segments/duplicate', places)).toEqual([]);
  });
});

describe('segments/duplicate-player', () => {
  // Each finding is one list: its pairs, the first names in order, then the second names.
  const pairs = async (input: string) =>
    (await runRule('segments/duplicate-player', input)).flatMap((f) => {
      const firsts = [f.primary!, ...f.related.filter((e) => e.role === 'company')].map((e) => e.quote);
      const seconds = f.related.filter((e) => e.role === 'same company').map((e) => e.quote);
      return firsts.map((q, i) => [q, seconds[i]]);
    });

  it('flags one company under two names in a labelled list: legal forms, case, “Royal”, initials, an alias', async () => {
    const list = (names: string[]) => `<h2>Key Players</h2><ul>${names.map((n) => `<li>${n}</li>`).join('')}</ul>`;
    expect(await pairs(list(['ROYAL DSM NV', 'Novozymes A/S', 'DSM', 'Kerry Group plc']))).toEqual([['ROYAL DSM NV', 'DSM']]);
    expect(await pairs(list(['Apple Inc.', 'Samsung Electronics Co., Ltd.', 'APPLE', 'SAMSUNG ELECTRONICS']))).toEqual([
      ['Apple Inc.', 'APPLE'],
      ['Samsung Electronics Co., Ltd.', 'SAMSUNG ELECTRONICS'],
    ]);
    expect(await pairs(list(['International Business Machines Corporation', 'Oracle', 'IBM']))).toEqual([
      ['International Business Machines Corporation', 'IBM'],
    ]);
    expect(await pairs(list(['Industria de Diseño Textil, S.A. (Inditex)', 'Inditex', 'Zara Home']))).toEqual([
      ['Industria de Diseño Textil, S.A. (Inditex)', 'Inditex'],
    ]);
    expect(await pairs(list(['HELLA GmbH & Co. KGaA', 'Valeo SA', 'Hella']))).toEqual([['HELLA GmbH & Co. KGaA', 'Hella']]);
  });

  it('reads players named in a sentence and in a table row', async () => {
    expect(
      await pairs(
        'Key players in the market include Coltene Holding AG, Dentsply Sirona, Ultradent Products, Inc., COLTENE and Directa AB. The market is fragmented.',
      ),
    ).toEqual([['Coltene Holding AG', 'COLTENE']]);
    const table = '<table><tr><td>Key Players Covered</td><td>Garmin Ltd.; Apple Inc.; Xiaomi Corporation; Garmin International</td></tr></table>';
    expect(await pairs(table)).toEqual([['Garmin Ltd.', 'Garmin International']]);
  });

  it('leaves different companies alone: shared words, subsidiaries, home countries in brackets, Merck & Co. and Merck KGaA', async () => {
    const input = [
      '<h2>Key Companies</h2><ul><li>Johnson &amp; Johnson</li><li>Johnson Controls</li><li>Siemens AG</li><li>Siemens Healthineers AG</li>',
      '<li>Merck &amp; Co., Inc.</li><li>Merck KGaA</li><li>Zoetis (US)</li><li>Heska (US)</li><li>GE HealthCare</li><li>General Electric</li></ul>',
      '<p>Major players are expanding through mergers, acquisitions, and partnerships, and partnerships.</p>',
    ].join('');
    expect(await pairs(input)).toEqual([]);
  });
});

describe('segments/wrong-dimension', () => {
  it('flags the application list of seed 004, whose items are end users', async () => {
    const findings = await runRule('segments/wrong-dimension', seedContext('004'));
    expect(findings).toHaveLength(1);
    expect(findings[0].data).toMatchObject({ labelDimension: 'application', itemDimension: 'end user', count: 3, total: 3 });
    expect(quotes(findings[0])).toEqual(expect.arrayContaining(['Cancer Research Centers', 'Diagnostic Laboratories', 'Cancer Hospitals']));
    expect(findings[0].primary?.quote).toContain('by Application');
  });

  it.each(['000', '001', '002', '003'])('finds no mislabelled breakdown in seed %s', async (prefix) => {
    expect(await runRule('segments/wrong-dimension', seedContext(prefix))).toEqual([]);
  });

  it('tolerates cancer types under “Type” and industries under “End User”', async () => {
    const input = report('Market', 'Text.', {
      'By Type:': ['Lung Cancer', 'Breast Cancer', 'Colorectal Cancer'],
      'By End User:': ['Automotive', 'Aerospace', 'Electronics'],
    });
    expect(await runRule('segments/wrong-dimension', input)).toEqual([]);
  });

  it('flags an end-user list of diseases and a type list of industries', async () => {
    const input = report('Market', 'Text.', {
      'By End User:': ['Lung Cancer', 'Diabetes', 'Others'],
      'By Type:': ['Automotive', 'Aerospace', 'Consumer Electronics', 'Others'],
    });
    const findings = await runRule('segments/wrong-dimension', input);
    expect(findings.map((f) => [f.data.labelDimension, f.data.itemDimension])).toEqual([
      ['end user', 'indication'],
      ['type', 'industry'],
    ]);
  });

  it('flags a form list of ingredient types, not one of physical forms', async () => {
    const flagged = report('Biostimulant Market', 'Text.', {
      'Market By Form:': ['Humic Substances', 'Seaweed Extracts', 'Amino Acids', 'Microbial Inoculants'],
    });
    const findings = await runRule('segments/wrong-dimension', flagged);
    expect(findings.map((f) => [f.data.labelDimension, f.data.itemDimension, f.data.count])).toEqual([['form', 'substance', 3]]);
    const clean = report('Herbal Extract Market', 'Text.', {
      'By Form:': ['Dry Extracts', 'Liquid Extracts', 'Powder'],
      'By Formulation:': ['Wettable Powder', 'Emulsifiable Concentrate', 'Granules'],
      'By Type:': ['Seaweed Extracts', 'Amino Acids', 'Humic Acids'],
    });
    expect(await runRule('segments/wrong-dimension', clean)).toEqual([]);
  });

  it('reads a heading or a title as a breakdown, and reports a restated breakdown once', async () => {
    const input = [
      'Liquid Biopsy Market Overview',
      '',
      'Segment Overview',
      'By Application: Hospitals & Physician Laboratories, Reference Laboratories, Academic & Research Centers',
      'By Product: Kits, Instruments, Services',
      '',
      'The report restates it. By application, the market is divided into hospitals, reference laboratories and academic research centers.',
    ].join('\n');
    const findings = await runRule('segments/wrong-dimension', input);
    expect(findings).toHaveLength(1);
    expect(findings[0].data).toMatchObject({ labelDimension: 'application', itemDimension: 'end user', count: 3 });
    expect(findings[0].related.filter((e) => e.role === 'restated').length).toBeGreaterThan(0);
  });

  it('accepts items the label itself names (vehicles under “Vehicle Type”)', async () => {
    const input = report('Automotive Radar Market', 'Text.', { 'Market Segmentation by Vehicle Type': ['Passenger Cars', 'Commercial Vehicles'] });
    expect(await runRule('segments/wrong-dimension', input)).toEqual([]);
    const wrong = report('Automotive Radar Market', 'Text.', { 'By Sensor Type': ['Automotive', 'Aerospace', 'Consumer Electronics'] });
    expect(await runRule('segments/wrong-dimension', wrong)).toHaveLength(1);
  });

  it('respects the threshold option', async () => {
    const input = report('Market', 'Text.', { 'By Application:': ['Hospitals', 'Research Laboratories', 'Oncology', 'Cardiology'] });
    expect(await runRule('segments/wrong-dimension', input)).toEqual([]);
    expect(await runRule('segments/wrong-dimension', input, { threshold: 0.5 })).toHaveLength(1);
  });
});

describe('hostile input', () => {
  it('parses deeply nested and unbalanced enumerations quickly', () => {
    // No time is asserted (timing belongs to npm run bench): a pattern that backtracks
    // catastrophically would not finish within Jest's test timeout, and the test would fail.
    inlineBreakdowns('By Type (' + '('.repeat(50_000) + 'a, b'.repeat(10_000));
    inlineBreakdowns('By Type: ' + 'word, '.repeat(100_000));
    inlineBreakdowns('by a by a by a '.repeat(20_000));
  });

  it('runs the new list readers on large nested lists, long player lists and place-heavy prose in reasonable time', async () => {
    // No time is asserted (timing belongs to npm run bench): a pattern that backtracks
    // catastrophically would not finish within Jest's test timeout, and the test would fail.
    const children = Array.from({ length: 200 }, (_, j) => `<li>Child ${j} Stores</li>`).join('');
    const nested = `<h2>By Channel</h2><ul>${Array.from({ length: 200 }, (_, i) => `<li>Retail ${i}<ul>${children}</ul></li>`).join('')}</ul>`;
    const players = `<p>Key players include ${Array.from({ length: 3000 }, (_, i) => `Company ${i} Co., Ltd.`).join(', ')}.</p>`;
    const prose = `<p>${'Led by Japan, India, South Korea and Chile, the market in Asia-Pacific grew. '.repeat(2000)}</p>`;
    const ctx = contextOf(nested + players + prose, 'big.html');
    for (const id of ['segments/duplicate', 'segments/duplicate-player', 'segments/repeated-breakdown', 'segments/off-domain', 'geography/misplaced'])
      await runRule(id, ctx);
  });

  it('runs the segment rules on a large generated document in reasonable time', async () => {
    // No time is asserted (timing belongs to npm run bench): a pattern that backtracks
    // catastrophically would not finish within Jest's test timeout, and the test would fail.
    const items = Array.from({ length: 150 }, (_, i) => `Segment Number ${i} Centers`);
    const input = report('CAR T-Cell Therapy Market', CELL_THERAPY_BODY.repeat(200), { 'By End User:': items, 'By Application:': items });
    const ctx = contextOf(input);
    for (const id of ['segments/off-domain', 'segments/duplicate', 'segments/wrong-dimension']) await runRule(id, ctx);
  });
});

describe('segments/repeated-breakdown', () => {
  it('flags one item list under two dimension labels, once however often it is restated', async () => {
    const input = report('Widget Market', 'Text.', {
      'By Application:': ['Hospitals', 'Clinics', 'Home Care', 'Others'],
      'By End User:': ['Home Care', 'Hospitals', 'Clinics'],
      'End User Insights:': ['Hospitals', 'Clinics', 'Home Care'],
    });
    const findings = await runRule('segments/repeated-breakdown', input);
    expect(findings.map((f) => [f.messageId, f.data.labels, f.data.dimensions, f.data.count])).toEqual([
      ['sameItems', '“By Application”, “By End User” and “End User Insights”', '2 dimensions', 3],
    ]);
  });

  it('flags a dimension given twice with different items where the two must agree', async () => {
    const input =
      'Cold Chain Market, By Type (Refrigerated Warehousing, Refrigerated Transport)\n\nBy Type:\n  • Stand-alone Cyber Insurance\n  • Packaged Cyber Insurance\n';
    const findings = await runRule('segments/repeated-breakdown', input);
    expect(findings.map((f) => [f.messageId, f.data.dimension])).toEqual([['twice', 'type']]);
  });

  it('leaves alone lists that share only some items, a title that restates the body, and cuts of different things', async () => {
    const input = report('Widget Market, By Type (Steel Widgets, Plastic Widgets)', 'Text.', {
      'By Type:': ['Steel Widgets', 'Plastic Widgets', 'Others'],
      'By Product Type:': ['Steel Widgets', 'Plastic Widgets'],
      'By Application:': ['Hospitals', 'Clinics', 'Laboratories'],
      'By End User:': ['Hospitals', 'Clinics', 'Home Care'],
      'Hardware by Type:': ['Servers', 'Storage'],
      'Software by Type:': ['ERP', 'CRM'],
    });
    expect(await runRule('segments/repeated-breakdown', input)).toEqual([]);
  });
});

// Pairs and items of one kind are one finding per list (or dimension), naming them all; the group
// keeps its fingerprint when it gains a member.
describe('segments: one finding per list and kind', () => {
  const print = async (id: string, input: string) => (await runRule(id, input)).map((f) => f.fingerprint);

  it('duplicate: N synonym pairs of one breakdown are one finding with every pair as evidence', async () => {
    const input = report('ADAS Market', 'Text.', {
      'By Application:': [
        'Adaptive Cruise Control',
        'Lane Departure Warning',
        'ACC',
        'Blind Spot Detection (BSD)',
        'Blind Spot Monitoring (BSM)',
        'Park Assist',
      ],
    });
    const [f, ...more] = await runRule('segments/duplicate', input);
    expect(more).toEqual([]);
    expect(f.data).toMatchObject({ count: 2, number: '2 pairs' });
    expect(quotes(f).slice(0, 2)).toEqual(['Adaptive Cruise Control', 'Blind Spot Detection (BSD)']);
    expect(quotes(f)).toEqual(['Adaptive Cruise Control', 'Blind Spot Detection (BSD)', 'ACC', 'By Application:', 'Blind Spot Monitoring (BSM)']);
    expect(f.message).toMatch(
      /\(2 pairs\): “Adaptive Cruise Control” and “ACC” \(.*\) and “Blind Spot Detection \(BSD\)” and “Blind Spot Monitoring \(BSM\)” \(/,
    );
    // Near miss: the same breakdown with distinct indications.
    expect(
      await runRule(
        'segments/duplicate',
        report('Radiopharmaceuticals Market', 'Text.', { 'By Indication:': ['Tumors', 'Cardiovascular Disorders', 'Others'] }),
      ),
    ).toEqual([]);
  });

  it('duplicate-player: the companies one list names twice are one finding', async () => {
    const list = (names: string[]) => `<h2>Key Players</h2><ul>${names.map((n) => `<li>${n}</li>`).join('')}</ul>`;
    const [f, ...more] = await runRule(
      'segments/duplicate-player',
      list(['Apple Inc.', 'Samsung Electronics Co., Ltd.', 'APPLE', 'SAMSUNG ELECTRONICS', 'IBM', 'International Business Machines']),
    );
    expect(more).toEqual([]);
    expect(f.data).toMatchObject({ count: 3, companies: '3 companies' });
    expect(f.message).toMatch(/^The list of players names 3 companies twice: “Apple Inc\.” and “APPLE” \(/);
    expect(await runRule('segments/duplicate-player', list(['Apple Inc.', 'Samsung Electronics Co., Ltd.', 'IBM']))).toEqual([]);
  });

  it('repeated-breakdown: one dimension stated three times is one finding', async () => {
    const input =
      'Cold Chain Market, By Type (Refrigerated Warehousing, Refrigerated Transport)\n\nBy Type: (Cyber Insurance, Life Insurance) are listed.\n\nBy Type: (Reefer Ships, Cold Boxes) are listed.\n';
    const findings = await runRule('segments/repeated-breakdown', input);
    expect(findings.map((f) => [f.messageId, f.data.count, f.data.times])).toEqual([['twice', 3, '3 times']]);
  });

  it('keeps a group’s fingerprint when a member joins it', async () => {
    const cases: Array<[string, string, string]> = [
      [
        'segments/duplicate',
        report('Radiopharmaceuticals Market', 'Text.', { 'By Indication:': ['Tumors', 'Neoplasms', 'Others'] }),
        report('Radiopharmaceuticals Market', 'Text.', { 'By Indication:': ['Computed Tomography', 'CT', 'Tumors', 'Neoplasms', 'Others'] }),
      ],
      [
        'segments/duplicate-player',
        '<h2>Key Players</h2><ul><li>Apple Inc.</li><li>APPLE</li><li>Oracle</li></ul>',
        '<h2>Key Players</h2><ul><li>IBM</li><li>International Business Machines</li><li>Apple Inc.</li><li>APPLE</li><li>Oracle</li></ul>',
      ],
      [
        'segments/off-domain',
        report('CAR T-Cell Therapy Market', CELL_THERAPY_BODY, { 'By End User:': ['Hospitals', 'Dental Clinics'] }),
        report('CAR T-Cell Therapy Market', CELL_THERAPY_BODY, { 'By End User:': ['Fertility Clinics', 'Hospitals', 'Dental Clinics'] }),
      ],
    ];
    for (const [id, before, after] of cases) {
      const [a] = await print(id, before);
      const [b] = await print(id, after);
      expect([id, b]).toEqual([id, a]);
    }
  });
});
