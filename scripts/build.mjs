// Bundles the extension, its analysis worker, the CLI and the CLI's worker with esbuild, after generating the
// gazetteer data and the nouns of happenings (nominals.mjs), and the web-page importer (linkedom, Readability) apart,
// so that the extension and the CLI load it only when a page is imported.
import * as esbuild from 'esbuild';
import * as path from 'node:path';
import './gazetteer.mjs';
import './nominals.mjs';

const watch = process.argv.includes('--watch');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'info',
};
// Every import of src/core/importers/webPage.ts becomes require('./webPageImporter.js') beside the bundle (a require,
// not an import(), so it loads the same way in every extension host): one copy of the HTML libraries, loaded on use.
const webPageModule = path.resolve('src/core/importers/webPage.ts');
const lazyWebPage = {
  name: 'lazy-web-page-importer',
  setup(build) {
    build.onResolve({ filter: /(^|\/)webPage$/ }, (args) =>
      path.resolve(args.resolveDir, args.path) + '.ts' === webPageModule
        ? { path: './webPageImporter.js', external: true }
        : undefined,
    );
  },
};
const builds = [
  {
    ...common,
    entryPoints: ['src/extension/extension.ts'],
    outfile: 'dist/extension.js',
    external: ['vscode'],
    plugins: [lazyWebPage],
    supported: { 'dynamic-import': false },
  },
  { ...common, entryPoints: ['src/extension/pure/analysisWorker.ts'], outfile: 'dist/analysisWorker.js' },
  { ...common, entryPoints: ['src/extension/pure/analysisPoolWorker.ts'], outfile: 'dist/analysisPoolWorker.js' },
  {
    ...common,
    entryPoints: ['src/cli/main.ts'],
    outfile: 'dist/cli.js',
    banner: { js: '#!/usr/bin/env node' },
    plugins: [lazyWebPage],
    supported: { 'dynamic-import': false },
  },
  { ...common, entryPoints: ['src/core/importers/webPage.ts'], outfile: 'dist/webPageImporter.js' },
  {
    ...common,
    entryPoints: ['src/extension/pure/webPageWorker.ts'],
    outfile: 'dist/webPageWorker.js',
    plugins: [lazyWebPage],
    supported: { 'dynamic-import': false },
  },
  { ...common, entryPoints: ['src/cli/cliWorker.ts'], outfile: 'dist/cliWorker.js' },
];
if (watch) {
  for (const b of builds) (await esbuild.context(b)).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
