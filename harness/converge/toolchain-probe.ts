import type { ExecResult, Transport } from '../../engine/transport/transport.js';
import type { ConvergeEnvironment } from './converge-environment.js';
import type { Observation } from './observation.js';
import { failedObservation } from './probe-output.js';

const QUICK = { timeoutMs: 60_000, maxBytes: 1 << 16 };
/** A release no environment has and none can download (GOPROXY=off): what a go.mod from the future asks for. */
export const ABSENT_TOOLCHAIN = 'go1.99.0';

const versionOf = (r: ExecResult) => r.stdout.trim().replace(/^go version /, '');

/**
 * Toolchain selection as `go version` shows it: in an empty directory, under a go.mod whose toolchain line names a
 * release that is not here (offline, so a switch can only fail), and, where the environment has a second toolchain,
 * under one that names it (https://go.dev/doc/toolchain#select).
 */
export async function probeToolchain(t: Transport, env: ConvergeEnvironment): Promise<Record<string, Observation>> {
  const out: Record<string, Observation> = {};
  const offline = { GOPROXY: 'off', GOFLAGS: null, GOTOOLCHAIN: null };
  const empty = await t.makeTempDir({});
  const v = await t.exec(['go', 'version'], { ...QUICK, cwd: empty, env: offline });
  out['go version'] = v.exitCode === 0 ? { state: 'ok', value: versionOf(v) } : failedObservation(v, 'go version');

  const future = await t.makeTempDir({ 'go.mod': `module example.com/converge\n\ngo 1.18\n\ntoolchain ${ABSENT_TOOLCHAIN}\n` });
  const f = await t.exec(['go', 'version'], { ...QUICK, cwd: future, env: offline });
  const said = `${f.stdout}\n${f.stderr}`.trim().split(/\r?\n/).filter(Boolean);
  if (f.timedOut || f.spawnError) out['go.mod toolchain (absent)'] = failedObservation(f, 'go version');
  else if (f.exitCode === 0) out['go.mod toolchain (absent)'] = { state: 'ok', value: 'ignored', detail: `go version: ${versionOf(f)}` };
  else out['go.mod toolchain (absent)'] = { state: 'ok', value: 'switch failed', detail: said.slice(-2).join(' | ') };

  const sw = env.toolchainSwitch;
  if (!sw) {
    out['go.mod toolchain (local)'] = { state: 'n/a', value: 'one toolchain', detail: 'no second local toolchain to name' };
    return out;
  }
  const named = await t.readFile(`${sw.toGoroot}/VERSION`, 4096).then((r) => (r ? Buffer.from(r.bytes).toString('utf8').split('\n')[0]!.trim() : ''));
  if (!/^go1\.\d+(\.\d+)?$/.test(named)) {
    out['go.mod toolchain (local)'] = { state: 'error', value: 'no answer', detail: `${sw.toGoroot}/VERSION names no release` };
    return out;
  }
  const modDir = await t.makeTempDir({ 'go.mod': `module example.com/converge\n\ngo 1.21\n\ntoolchain ${named}\n`, 'bin/.keep': '' });
  // GOTOOLCHAIN=auto runs a go1.X.Y program found on PATH before it would download one.
  await t.exec(['ln', '-s', `${sw.toGoroot}/bin/go`, `${modDir}/bin/${named}`], QUICK);
  const pathVar = (await t.environment()).PATH ?? '/usr/bin:/bin';
  const before = await t.exec([sw.from, 'version'], { ...QUICK, cwd: empty, env: offline });
  const after = await t.exec([sw.from, 'version'], { ...QUICK, cwd: modDir, env: { ...offline, PATH: `${modDir}/bin:${pathVar}` } });
  if (after.exitCode !== 0) out['go.mod toolchain (local)'] = failedObservation(after, `${sw.from} version under toolchain ${named}`);
  else {
    const switched = versionOf(after).startsWith(`${named} `);
    out['go.mod toolchain (local)'] = {
      state: 'ok',
      value: switched ? 'switched' : 'stayed',
      detail: `${sw.from} version: ${versionOf(before)} alone, ${versionOf(after)} under "toolchain ${named}" (${named} on PATH)`,
    };
  }
  return out;
}
