/**
 * The layering rules `npm run lint` enforces (docs/architecture.md explains them):
 *
 *   composition root  src/app/          server, command line, services, configuration
 *   engines           src/record/, src/timescales/, src/analytics/, src/reports/, src/retention/,
 *                     src/interchange/, src/simulate/, src/duties/, src/access/, src/web/
 *   domain modules    src/modules/<domain>/, registered in src/modules/registry.ts (server) and
 *                     src/web/module-registry.ts (web app)
 *   kernel            src/platform/, src/codes/
 *
 * Tests, benches and scripts may reach anything.
 */
const ENGINES = '^src/(record|timescales|analytics|reports|retention|interchange|simulate|duties|access|web)/';
const REGISTRATION = '^src/(modules/registry\\.ts|web/module-registry\\.ts)$';
const TESTS = '(\\.test\\.tsx?$|^test/|^bench/|^scripts/|test-support\\.ts$|test-builders\\.ts$)';

module.exports = {
  forbidden: [
    {
      name: 'no-import-cycles',
      comment: 'Files that import each other in a loop cannot be understood, tested or moved one at a time.',
      severity: 'error',
      from: { pathNot: TESTS },
      to: { circular: true },
    },
    {
      name: 'kernel-imports-nothing-above-it',
      comment: 'The kernel (src/platform, src/codes) is the ground floor: it knows no engine, module or composition root.',
      severity: 'error',
      from: { path: '^src/(platform|codes)/', pathNot: TESTS },
      to: { path: '^src/', pathNot: '^src/(platform|codes)/' },
    },
    {
      name: 'engines-name-no-module',
      comment: 'An engine reads the module registry; it never imports a domain module itself.',
      severity: 'error',
      from: { path: ENGINES, pathNot: [TESTS, REGISTRATION] },
      to: { path: '^src/modules/', pathNot: '^src/modules/(registry|domain-module)\\.ts$' },
    },
    {
      name: 'modules-use-each-others-public-interface',
      comment: 'A module may use another module only through that module\'s index.ts (server) or web/index.ts (web app).',
      severity: 'error',
      from: { path: '^src/modules/([^/]+)/', pathNot: TESTS },
      to: { path: '^src/modules/[^/]+/', pathNot: ['^src/modules/$1/', '^src/modules/[^/]+/(index|state)\\.ts$', '^src/modules/[^/]+/web/index\\.ts$'] },
    },
    {
      name: 'modules-do-not-import-the-registry',
      comment: 'The registry lists the modules; a module importing it would import itself.',
      severity: 'error',
      from: { path: '^src/modules/[^/]+/', pathNot: TESTS },
      to: { path: REGISTRATION },
    },
    {
      name: 'nothing-imports-the-composition-root',
      comment: 'Only bin/ starts the composition root (src/app); everything else is handed what it needs.',
      severity: 'error',
      from: { path: '^src/', pathNot: ['^src/app/', TESTS] },
      to: { path: '^src/app/' },
    },
    {
      name: 'web-parts-stay-in-the-browser',
      comment: 'The web app and modules\' web parts run in the browser: they may use Zod read models and the web kit, never the database or the server.',
      severity: 'error',
      from: { path: ['^src/web/(?!server/)', '^src/modules/[^/]+/web/'], pathNot: TESTS },
      to: { path: ['^src/platform/(database|audit|backup|http)/', '^src/app/', '^src/web/server/', 'repo\\.ts$', 'routes\\.ts$'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^node_modules|^dist/|^docs/)' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.ts', '.tsx', '.mts', '.js', '.mjs'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
