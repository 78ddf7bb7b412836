/**
 * The house's layering, checked by `npm run check:boundaries` (part of `npm test`).
 *
 * Dependencies point inward, toward the language:
 *   criteria-dsl ← core ← plugins, db, documents, sheets ← app ← api, cli ← apps
 * Each package's sources (`src/`) may import only the workspace packages listed for it below;
 * nothing imports an app or an example; no import cycle inside a package.
 * Tests (`test/`, `*.test.ts`) may reach further (a plugin to test with), so they are not layered.
 */

/** Each workspace package's source folder and the workspace packages its sources may import. */
const LAYERS = {
  'criteria-dsl': { path: 'criteria-dsl/src', may: [] },
  core: { path: 'packages/core/src', may: ['criteria-dsl'] },
  sheets: { path: 'packages/sheets/src', may: ['criteria-dsl', 'core'] },
  plugins: { path: 'packages/plugins/[^/]+/src', may: ['criteria-dsl', 'core', 'plugins'] },
  'plugin-contract': { path: 'packages/plugin-contract/src', may: ['criteria-dsl', 'core'] },
  db: { path: 'packages/db/src', may: ['criteria-dsl', 'core'] },
  documents: { path: 'packages/documents/src', may: ['criteria-dsl', 'core', 'sheets'] },
  app: { path: 'packages/app/src', may: ['criteria-dsl', 'core', 'db', 'documents', 'sheets'] },
  api: { path: 'packages/api/src', may: ['criteria-dsl', 'core', 'db', 'documents', 'sheets', 'app'] },
  cli: { path: 'packages/cli/src', may: ['criteria-dsl', 'core', 'db', 'documents', 'sheets', 'app', 'plugins'] },
  server: { path: 'apps/server/src', may: ['criteria-dsl', 'core', 'db', 'documents', 'sheets', 'app', 'api', 'plugins'] },
  // The portal runs in the browser: the language and the engine only (its API types are generated).
  admin: { path: 'apps/admin/src', may: ['criteria-dsl', 'core'] },
};

const ALL = Object.keys(LAYERS);

/** One rule per package: its sources import no workspace package outside its list. */
const layerRules = Object.entries(LAYERS).map(([name, { path, may }]) => {
  const others = ALL.filter((x) => x !== name && !may.includes(x) && !(name === 'plugins' && x === 'plugins'));
  return {
    name: `layer-${name}`,
    comment: `${name} may import only: ${may.length ? may.join(', ') : 'no workspace package'}`,
    severity: 'error',
    from: { path: `^${path}/`, pathNot: '\\.test\\.tsx?$' },
    to: { path: `^(${others.map((o) => LAYERS[o].path.replace('/src', '/')).join('|')})` },
  };
});

module.exports = {
  forbidden: [
    ...layerRules,
    {
      name: 'no-circular',
      comment: 'No import cycle inside a package (or across them).',
      severity: 'error',
      from: { pathNot: '\\.test\\.tsx?$|/test/' },
      to: { circular: true },
    },
    {
      name: 'no-app-or-example-imports',
      comment: 'Nothing imports an app or an example.',
      severity: 'error',
      from: { path: '^(criteria-dsl|packages)/', pathNot: '\\.test\\.tsx?$|/test/' },
      to: { path: '^(apps|examples)/' },
    },
    {
      name: 'core-is-pure',
      comment: 'The language and the engine touch no Node API (they run in the browser and stay pure).',
      severity: 'error',
      from: { path: '^(criteria-dsl|packages/core)/src/', pathNot: '\\.test\\.tsx?$' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'no-http-in-the-application-layer',
      comment: 'Use cases know no HTTP framework.',
      severity: 'error',
      from: { path: '^packages/(app|db|core|documents|sheets)/src/' },
      to: { path: 'node_modules/(hono|@hono)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|node_modules)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['@hoctap/source', 'import', 'types', 'default'],
      extensions: ['.ts', '.tsx', '.js', '.json'],
    },
  },
};
