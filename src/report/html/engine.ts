import Handlebars from 'handlebars';

// A private Handlebars environment: our helpers only, templates compiled strictly, and no
// triple-stash anywhere — the only unescaped output is what this module marks as trusted.
const env = Handlebars.create();

const COMPILE_OPTIONS = {
  strict: true,
  knownHelpersOnly: true,
  // Only if/each/unless/with: no lookup (dynamic property access) and no log.
  knownHelpers: { lookup: false, log: false },
  preventIndent: true,
  // No @index/@key/@first/@root: the templates do not read them (test/report/escaping.test.ts), and
  // the data frame Handlebars builds for every iteration of every {{#each}} was a tenth of a
  // report's rendering time.
  data: false,
} as const;

/** Our own markup (stylesheets, scripts, escaped JSON) to be written as is. Never document text. */
export type Trusted = Handlebars.SafeString;

export function trusted(text: string): Trusted {
  return new env.SafeString(text);
}

export function registerPartials(partials: Record<string, string>): void {
  for (const [name, source] of Object.entries(partials)) env.registerPartial(name, source);
}

export type Render<T> = (data: T) => string;

/** Compile once (lazily, on first use) with strict lookups: a missing field is a bug, not an empty string. */
export function compile<T>(source: string): Render<T> {
  let template: HandlebarsTemplateDelegate | null = null;
  return (data: T) => {
    template ??= env.compile(source, COMPILE_OPTIONS);
    // Prototype access stays off (Handlebars' default); only own data properties are read.
    return template(data, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
  };
}

/**
 * JSON safe inside <script type="application/json">: no "</script>", "<!--" or line separators can
 * end or confuse the element, whatever strings the document held.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
