import { describe, expect, it } from 'vitest';
import { goworkUnusable } from '../../../engine/checks/gowork-unusable.js';
import { GENUINE_FIXTURES, loadSnapshot, only, withEnv, withFailedCommand } from '../snapshot-builders.js';

const base = () => withEnv(loadSnapshot('linux-debian-golang-go'), { GOWORK: '/ws/go.work' });

describe('gowork-unusable (GOWORK_UNUSABLE)', () => {
  it('quotes go when the go.work needs a newer Go', () => {
    const s = withFailedCommand(base(), 'buildPure', 'go: ../../ws/go.work requires go >= 1.99 (running go 1.19.8; GOTOOLCHAIN=local)\n');
    const f = only(goworkUnusable(s), 'GOWORK_UNUSABLE');
    expect(f.severity).toBe('error');
    expect(f.message).toBe(
      'GOWORK=/ws/go.work (environment) applies to every go command, and go can\'t use it: "go: ../../ws/go.work requires go >= 1.99 (running go 1.19.8; GOTOOLCHAIN=local)".',
    );
    expect(f.fix).toMatch(/^\/ws\/go\.work needs go ≥ 1\.99 and this is go1\.19\.8: unset GOWORK \(or GOWORK=off\)/);
  });

  it('names GOWORK when go tries, and fails, to switch to the Go its go.work asks for', () => {
    let s = withFailedCommand(base(), 'buildPure', 'go: downloading go1.99.0 (linux/amd64)\ngo: download go1.99.0: toolchain not available\n');
    s = { ...s, diagnosis: { goWork: { path: '/ws/go.work', content: 'go 1.99\n' } } };
    const f = only(goworkUnusable(s), 'GOWORK_UNUSABLE');
    expect(f.evidence).toEqual([
      'GOWORK=/ws/go.work (environment)',
      '/ws/go.work: asks for go 1.99',
      '/usr/bin/go build -o /tmp/goverity-mlGZ2zmd/pure.bin .: go: downloading go1.99.0 (linux/amd64)',
    ]);
    expect(f.fix).toMatch(/^\/ws\/go\.work needs go ≥ 1\.99 and this is go1\.19\.8: unset GOWORK/);
  });

  it('says a missing go.work is missing', () => {
    const s = withFailedCommand(base(), 'buildPure', 'go: reading go.work: open /ws/go.work: no such file or directory\n');
    expect(only(goworkUnusable(s), 'GOWORK_UNUSABLE').fix).toBe("GOWORK=/ws/go.work does not exist: unset GOWORK, or point it at the workspace's go.work.");
  });

  it('stays silent while go accepts the workspace, and on GOWORK=off', () => {
    expect(goworkUnusable(base())).toEqual([]);
    expect(goworkUnusable(withFailedCommand(withEnv(base(), { GOWORK: 'off' }), 'buildPure', 'go: reading go.work: x\n'))).toEqual([]);
  });

  it.each([...GENUINE_FIXTURES, 'linux-no-go'])('stays silent on %s', (name) => {
    expect(goworkUnusable(loadSnapshot(name))).toEqual([]);
  });
});
