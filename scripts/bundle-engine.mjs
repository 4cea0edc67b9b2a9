#!/usr/bin/env node
// Bundles the engine's command line into one self-contained ESM file, dist/bundle/goverity.mjs, that runs with a
// bare `node` and no node_modules: "inside" mode copies it (with the host's node) into a target and runs it there.
// The entry is cli/engine-main.ts, from the TypeScript sources (so the bundle never lags behind them): verify,
// snapshot, inspect, help and --version, with nothing of the harness to leave out.
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BUNDLE = path.join(root, 'dist', 'bundle', 'goverity.mjs');

/** Inside a target the engine verifies the machine it runs on: no Docker client (dockerode's tree is ~2 MB of the bundle). */
const withoutDocker = {
  name: 'without-docker',
  setup(b) {
    b.onResolve({ filter: /^dockerode$/ }, () => ({ path: 'dockerode', namespace: 'no-docker' }));
    b.onLoad({ filter: /.*/, namespace: 'no-docker' }, () => ({
      contents:
        'export default class { constructor() { throw new Error("the bundled engine verifies the machine it runs on (target local); docker targets need the goverity package"); } }',
      loader: 'js',
    }));
  },
};

const { version } = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8'));
await mkdir(path.dirname(BUNDLE), { recursive: true });
const result = await build({
  stdin: {
    contents: "#!/usr/bin/env node\nimport { engineMain } from './cli/engine-main.ts';\nprocess.exitCode = await engineMain(process.argv.slice(2));\n",
    resolveDir: root,
    sourcefile: 'engine-entry.ts',
    loader: 'ts',
  },
  absWorkingDir: root,
  outfile: BUNDLE,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Where no package.json travels with it, the bundle's version is written in (engine/tool-version.ts).
  define: { GOVERITY_BUNDLED_VERSION: JSON.stringify(version) },
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
  plugins: [withoutDocker],
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
});
const bytes = Object.values(result.metafile.outputs)[0]?.bytes ?? 0;
// The import-direction test keeps the harness out of cli/engine-main.ts's imports; this is the same promise, kept
// by what esbuild actually took in.
const harness = Object.keys(result.metafile.inputs).filter((input) => input.startsWith('harness/'));
if (harness.length > 0) {
  process.stderr.write(`bundle: the inside-mode engine took in the harness: ${harness.join(', ')}\n`);
  process.exitCode = 1;
}
const LIMIT_KIB = 700;
process.stderr.write(`bundle: ${path.relative(root, BUNDLE)} (${(bytes / 1024).toFixed(0)} KiB, limit ${LIMIT_KIB} KiB)\n`);
if (bytes > LIMIT_KIB * 1024) {
  process.stderr.write(`bundle: over ${LIMIT_KIB} KiB: something heavy reached the inside-mode engine (see esbuild's metafile)\n`);
  process.exitCode = 1;
}
