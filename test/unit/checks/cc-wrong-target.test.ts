import { describe, expect, it } from 'vitest';
import { ccWrongTarget } from '../../../engine/checks/cc-wrong-target.js';
import type { CommandFact } from '../../../engine/facts/fact-snapshot.js';
import { GENUINE_FIXTURES, loadSnapshot, only, variant, withEnv, withFailedCommand, withGoEnv } from '../snapshot-builders.js';

const machine = (stdout: string): CommandFact => ({
  argv: ['aarch64-linux-gnu-gcc', '-dumpmachine'],
  exitCode: 0,
  stdout,
  stderr: '',
  timedOut: false,
  truncated: false,
  spawnError: null,
  durationMs: 3,
  envOverrides: {},
  cwd: null,
});
const crossCc = (triplet: string) => {
  let s = withGoEnv(withEnv(loadSnapshot('linux-debian-golang-go'), { CC: 'aarch64-linux-gnu-gcc' }), { CC: 'aarch64-linux-gnu-gcc' });
  s = withFailedCommand(s, 'buildCgo', '/usr/lib/gcc-cross/aarch64-linux-gnu/12/../../../../aarch64-linux-gnu/bin/ld: skipping incompatible\n');
  return variant(s, (d) => void (d.diagnosis = { ccMachine: machine(`${triplet}\n`) }));
};

describe('cc-wrong-target (CC_WRONG_TARGET)', () => {
  it("compares the compiler's own target (-dumpmachine) with GOARCH", () => {
    const f = only(ccWrongTarget(crossCc('aarch64-linux-gnu')), 'CC_WRONG_TARGET');
    expect(f.severity).toBe('warning');
    expect(f.message).toBe('CC=aarch64-linux-gnu-gcc (environment) compiles for aarch64-linux-gnu, but go builds for linux/amd64: every cgo build fails.');
    expect(f.evidence[0]).toBe('aarch64-linux-gnu-gcc -dumpmachine: exit 0: aarch64-linux-gnu');
    expect(f.fix).toMatch(/^unset CC \(or point CC at a compiler for amd64\)/);
  });

  it('stays silent when the compiler targets this arch, or the cgo build worked (cross CC with matching GOARCH, or cgo off)', () => {
    expect(ccWrongTarget(crossCc('x86_64-linux-gnu'))).toEqual([]);
    expect(ccWrongTarget(variant(loadSnapshot('linux-debian-golang-go'), (d) => void (d.diagnosis = { ccMachine: machine('aarch64-linux-gnu\n') })))).toEqual(
      [],
    );
  });

  it.each([...GENUINE_FIXTURES, 'linux-no-go'])('stays silent on %s', (name) => {
    expect(ccWrongTarget(loadSnapshot(name))).toEqual([]);
  });
});
