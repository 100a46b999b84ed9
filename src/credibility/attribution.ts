// Whether a sentence says where its figures come from. Each pattern is a closed alternation or a
// bounded repetition, so no input can make them backtrack badly.

// Attribution phrases, in any case.
const ATTRIBUTION_WORDS = new RegExp(
  [
    String.raw`\baccording\s{1,3}to\b`,
    String.raw`\b(?:reported|published|released|compiled|estimated|cited|stated|disclosed|provided)\s{1,3}by\b`,
    String.raw`\bas\s{1,3}(?:reported|published|stated|estimated|disclosed)\s{1,3}(?:by|in)\b`,
    String.raw`\(\s{0,3}sources?\s{0,3}:`,
    String.raw`\bsources?\s{0,3}:\s{0,3}\S`,
    String.raw`\bcited\s{1,3}in\b`,
    String.raw`\b(?:annual\s{1,3}report|10-K|20-F|SEC\s{1,3}filing|press\s{1,3}release|earnings\s{1,3}release|investor\s{1,3}presentation)\b`,
    // Numbered citations: "[12]", "[3, 4]", "[5–7]".
    String.raw`\[\d{1,3}(?:\s{0,2}[,–-]\s{0,2}\d{1,3}){0,5}\]`,
  ].join('|'),
  'i',
);

// Attributions that name a source, so the capital letter matters.
const ATTRIBUTION_NAMED = new RegExp(
  [
    String.raw`\b(?:[Dd]ata|[Ff]igures|[Ss]tatistics|[Ee]stimates?|[Ss]urvey|[Ss]tudy|[Aa]nalysis)\s{1,3}(?:from|by|of)\s{1,3}(?:the\s{1,3})?[A-Z]`,
    String.raw`\b[Pp]er\s{1,3}(?:the\s{1,3})?[A-Z][A-Za-z&.-]{1,40}\s{1,3}(?:report|data|filing|survey|release)\b`,
    // Author–year citations: "(Smith et al., 2021)", "(WHO, 2023)".
    String.raw`\([A-Z][A-Za-z&.-]{1,40}(?:\s{1,3}et\s{1,3}al\.?)?,?\s{1,3}(?:19|20)\d\d[a-z]?\)`,
  ].join('|'),
);

// A named organisation reporting its own figure: "Novartis reported sales of …".
const ORGANISATION_REPORTED = /\b[A-Z][\w&.-]{1,30}(?:\s{1,2}[A-Z][\w&.-]{1,30}){0,3}\s{1,2}(?:reported|announced|disclosed|posted)\b/;

// Public agencies and statistical bodies whose name alone attributes a figure.
const AGENCY =
  /\b(?:WHO|World\s{1,3}Health\s{1,3}Organi[sz]ation|FDA|Food\s{1,3}and\s{1,3}Drug\s{1,3}Administration|EMA|European\s{1,3}Medicines\s{1,3}Agency|CDC|Centers\s{1,3}for\s{1,3}Disease\s{1,3}Control|NIH|National\s{1,3}Institutes?\s{1,3}of\s{1,3}Health|NCI|National\s{1,3}Cancer\s{1,3}Institute|National\s{1,3}Library\s{1,3}of\s{1,3}Medicine|OECD|World\s{1,3}Bank|IMF|Eurostat|Census\s{1,3}Bureau|Bureau\s{1,3}of\s{1,3}Labor\s{1,3}Statistics|GLOBOCAN|IARC|UN(?:ICEF|AIDS|DP)?|United\s{1,3}Nations|ClinicalTrials\.gov|IQVIA|Statista)\b/;

const MAX = 2000;

/**
 * True when the sentence cites a source, names an agency or attributes the figure to its reporter.
 */
export function isAttributed(sentence: string): boolean {
  const text = sentence.length > MAX ? sentence.slice(0, MAX) : sentence;
  return ATTRIBUTION_WORDS.test(text) || ATTRIBUTION_NAMED.test(text) || ORGANISATION_REPORTED.test(text) || AGENCY.test(text);
}

/** True when a sentence is only a source line ("(Source: …)", "Source: IQVIA"), which attributes the one before it. */
export function isSourceLine(sentence: string): boolean {
  return /^\s{0,3}\(?\s{0,3}sources?\s{0,3}:/i.test(sentence.slice(0, 40));
}
