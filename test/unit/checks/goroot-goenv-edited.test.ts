import { describe, expect, it } from 'vitest';
import { gorootGoenvEdited } from '../../../engine/checks/goroot-goenv-edited.js';
import { GENUINE_FIXTURES, loadSnapshot, only, withEnvFile, withGoEnv } from '../snapshot-builders.js';

const go122 = (content: string | null) => withEnvFile(withGoEnv(loadSnapshot('linux-debian-golang-go'), { GOVERSION: 'go1.22.12' }), 'goroot', content);

describe('goroot-goenv-edited (GOROOT_GOENV_EDITED)', () => {
  it('lists what was changed, added and removed, as information', () => {
    const f = only(gorootGoenvEdited(go122(`GOPROXY=direct\nGOTOOLCHAIN=local\nGOFLAGS=-buildvcs=false\n`)), 'GOROOT_GOENV_EDITED');
    expect(f.severity).toBe('info');
    expect(f.evidence).toEqual([
      '/usr/lib/go-1.19/go.env: GOPROXY=direct (changed); GOSUMDB removed; GOTOOLCHAIN=local (changed); GOFLAGS=-buildvcs=false (added)',
    ]);
    expect(f.fix).toMatch(/^The package golang-1\.19-go ships it this way/);
  });

  it('notes a missing go.env on a Go that ships one', () => {
    expect(only(gorootGoenvEdited(go122(null)), 'GOROOT_GOENV_EDITED').message).toContain('the file is missing');
  });

  it('stays silent before Go 1.21 (no go.env) and on gccgo', () => {
    expect(gorootGoenvEdited(withEnvFile(loadSnapshot('linux-debian-golang-go'), 'goroot', 'GOTOOLCHAIN=local\n'))).toEqual([]);
    expect(gorootGoenvEdited(loadSnapshot('linux-gccgo'))).toEqual([]);
  });

  it.each([...GENUINE_FIXTURES, 'linux-no-go'])('stays silent on %s', (name) => {
    expect(gorootGoenvEdited(loadSnapshot(name))).toEqual([]);
  });
});
