#!/usr/bin/env node
// Bundles the engine CLI into one self-contained ESM file, dist/bundle/goverity.mjs, that runs with a bare
// `node` and no node_modules: "inside" mode copies it (with the host's node) into a target and runs it there.
// The entry is bin/goverity.js itself, with its compiled main redirected to the TypeScript source.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BUNDLE = path.join(root, 'dist', 'bundle', 'goverity.mjs');

/** bin/goverity.js imports the tsc output; the bundle takes the sources, so it never lags behind them. */
const fromSources = {
  name: 'from-sources',
  setup(b) {
    b.onResolve({ filter: /\/dist\/engine\/cli\/main\.js$/ }, () => ({ path: path.join(root, 'engine', 'cli', 'main.ts') }));
  },
};

/** The harness (run, results merge) needs the repository's scenarios and images: not part of a bundled engine. */
const withoutHarness = {
  name: 'without-harness',
  setup(b) {
    b.onResolve({ filter: /\/harness\// }, (args) => ({ path: args.path, namespace: 'no-harness' }));
    b.onLoad({ filter: /.*/, namespace: 'no-harness' }, () => ({
      contents: 'throw new Error("the bundled engine has verify and snapshot only; run the harness from the goverity package");',
      loader: 'js',
    }));
  },
};

await mkdir(path.dirname(BUNDLE), { recursive: true });
const result = await build({
  entryPoints: [path.join(root, 'bin', 'goverity.js')],
  outfile: BUNDLE,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // ssh2 (through dockerode) tries its optional native addons inside try/catch and falls back to plain JS.
  external: ['*.node', 'cpu-features'],
  // CommonJS dependencies use require(), __dirname and __filename, which an ESM bundle must provide.
  banner: {
    js: [
      "import { createRequire as __bundleRequire } from 'node:module';",
      "import { fileURLToPath as __bundlePath } from 'node:url';",
      'const require = __bundleRequire(import.meta.url);',
      'const __filename = __bundlePath(import.meta.url);',
      "const __dirname = __bundlePath(new URL('.', import.meta.url));",
    ].join(' '),
  },
  plugins: [fromSources, withoutHarness],
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
});
const bytes = Object.values(result.metafile.outputs)[0]?.bytes ?? 0;
process.stderr.write(`bundle: ${path.relative(root, BUNDLE)} (${(bytes / 1024).toFixed(0)} KiB)\n`);
