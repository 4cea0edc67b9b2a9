// Startup cost of the CLI against a bare node: `goverity --help` and `--version` beside `node -e 0`, runs interleaved
// so load on the machine hits all three alike; medians printed, with the ratio to the 2.5x target. Prints, never fails.
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'bin', 'goverity.js');
const BUNDLE = path.join(ROOT, 'dist', 'bundle', 'goverity.mjs');
const RUNS = Number(process.env.GOVERITY_BENCH_RUNS ?? 21);
const TARGET = 2.5;

const cases: [string, string[]][] = [
  ['node -e 0', ['-e', '0']],
  ['goverity --help', [BIN, '--help']],
  ['goverity --version', [BIN, '--version']],
];

function once(args: string[]): number {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { stdio: 'ignore' });
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: run npm run build first`);
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const times = cases.map(() => [] as number[]);
for (let i = 0; i < RUNS; i++) for (const [k, [, args]] of cases.entries()) times[k]!.push(once(args));
const base = median(times[0]!);
for (const [k, [name]] of cases.entries()) {
  const m = median(times[k]!);
  const ratio = m / base;
  process.stdout.write(
    `${name.padEnd(20)} median ${m.toFixed(1).padStart(6)} ms  ${ratio.toFixed(2)}x node -e 0${k === 0 ? '' : ratio <= TARGET ? `  (target ≤ ${TARGET}x: met)` : `  (target ≤ ${TARGET}x: MISSED)`}\n`,
  );
}
process.stdout.write(`inside-mode bundle   ${(statSync(BUNDLE).size / 1024).toFixed(0)} KiB (${path.relative(ROOT, BUNDLE)}, limit 700 KiB)\n`);
process.stdout.write(`${RUNS} runs each, interleaved, node ${process.version}\n`);
