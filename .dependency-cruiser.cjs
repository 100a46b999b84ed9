// The layers of src/, lowest first: a module may import from its own layer and the ones below,
// never from a layer above (`npm run lint:layers`, part of `npm test`). Within the rules-support
// layer each family's folder stands alone; what two families share belongs in a lower layer.
const LAYERS = [
  ['schema'],
  ['util', 'cache', 'runtime'],
  ['ingest', 'parse'],
  ['matching'],
  ['lexicon'],
  ['claims', 'nlp'],
  ['geography', 'segments', 'numbers', 'credibility', 'text', 'corpus'],
  ['engine', 'pipeline'],
  ['report'],
  ['baseline', 'batch', 'run', 'eval', 'bench', 'docs', 'cli\\.ts', 'index\\.ts', 'bin\\.ts'],
];
const SUPPORT = LAYERS[6];
const path = (folders) => `^src/(${folders.join('|')})(/|$)`;

const layerRules = LAYERS.slice(0, -1).map((folders, i) => ({
  name: `layer-${folders.join('+').replace(/\\/g, '')}`,
  comment: `${folders.join(', ').replace(/\\/g, '')} may not import from a layer above (${LAYERS.slice(i + 1)
    .flat()
    .join(', ')
    .replace(/\\/g, '')})`,
  severity: 'error',
  from: { path: path(folders) },
  to: { path: path(LAYERS.slice(i + 1).flat()) },
}));

const familyRules = SUPPORT.map((family) => ({
  name: `family-${family}`,
  comment: `src/${family} supports one rule family; it may not import another family's support (${SUPPORT.filter((f) => f !== family).join(', ')})`,
  severity: 'error',
  from: { path: path([family]) },
  to: { path: path(SUPPORT.filter((f) => f !== family)) },
}));

module.exports = {
  forbidden: [
    ...layerRules,
    ...familyRules,
    {
      name: 'no-circular',
      comment: 'modules may not depend on each other in a cycle',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'src-not-in-a-layer',
      comment: 'every folder of src/ belongs to a layer: add a new one to LAYERS in .dependency-cruiser.cjs',
      severity: 'error',
      from: { path: '^src/', pathNot: path(LAYERS.flat()) },
      to: {},
    },
    {
      name: 'import-of-src-not-in-a-layer',
      comment: 'every folder of src/ belongs to a layer: add a new one to LAYERS in .dependency-cruiser.cjs',
      severity: 'error',
      from: {},
      to: { path: '^src/', pathNot: path(LAYERS.flat()) },
    },
    {
      name: 'rules-use-the-engine-not-the-runner',
      comment: 'rules read the context the engine gives them; they never reach the report, the batch runner or the CLI',
      severity: 'error',
      from: { path: '^rules/' },
      to: { path: path(LAYERS.slice(8).flat()) },
    },
    {
      name: 'src-does-not-import-rules',
      comment: 'the engine finds rules by scanning rules/ (engine/loader.ts); src imports only rules/data',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^rules/', pathNot: '^rules/data/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.json'] },
  },
};
