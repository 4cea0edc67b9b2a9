import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
// A module hook that names every module Node resolves, on stderr (hooks run off the main thread: _rawDebug writes directly).
const HOOK = 'export async function resolve(s, c, next) { const r = await next(s, c); process._rawDebug("LOADED " + r.url); return r; }';
const REGISTER = `import { register } from 'node:module'; register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(HOOK)}`)});`;

/** The modules `goverity ARGS` loads, from the sources (tsx), without running anything but the command line. */
function loadedBy(args: string[]): string[] {
  const run = `import { main } from './cli/main.ts'; process.exitCode = await main(${JSON.stringify(args)});`;
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--import', `data:text/javascript,${encodeURIComponent(REGISTER)}`, '--input-type=module', '-e', run],
    {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  return [...r.stderr.matchAll(/^LOADED (\S+)$/gm)].map((m) => m[1]!.replace(`file://${ROOT}`, ''));
}

describe('goverity starts light', () => {
  const heavy = (args: string[]) => loadedBy(args).filter((u) => /^engine\/(probes|checks)\/|node_modules\/(execa|dockerode|testcontainers)\//.test(u));

  it.each([['--help'], ['--version'], ['help', 'verify']])('%s loads no probe, check, transport library or Docker client', (...args) => {
    expect(heavy(args)).toEqual([]);
  });

  it('the hook sees what a verify loads (so an empty list above means something)', () => {
    // An unknown target kind stops verify before it probes anything, after its modules have loaded.
    const loaded = heavy(['verify', '--target', 'nowhere:x']);
    expect(loaded.filter((u) => u.includes('collect-facts'))).toEqual(['engine/probes/collect-facts.ts']);
    expect(loaded.some((u) => u.includes('node_modules/execa/'))).toBe(true);
  });
});
