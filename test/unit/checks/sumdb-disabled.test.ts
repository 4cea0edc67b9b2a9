import { describe, expect, it } from 'vitest';
import { sumdbDisabled } from '../../../engine/checks/sumdb-disabled.js';
import { GENUINE_FIXTURES, loadSnapshot, only, withEnv, withEnvFile, withGoEnv } from '../snapshot-builders.js';

const fedoraGoEnv = 'GOPROXY=direct\nGOSUMDB=off\nGOTOOLCHAIN=local\n';

describe('sumdb-disabled (SUMDB_DISABLED)', () => {
  it('warns when the user turned checksum verification off (GOSUMDB=off in the environment)', () => {
    const s = withGoEnv(withEnv(loadSnapshot('linux-debian-copy-usr-local'), { GOSUMDB: 'off' }), { GOSUMDB: 'off' });
    const f = only(sumdbDisabled(s), 'SUMDB_DISABLED');
    expect(f.severity).toBe('warning');
    expect(f.message).toBe('Module checksums are not verified against the checksum database (GOSUMDB=off).');
    expect(f.evidence).toEqual(['GOSUMDB=off (from environment)']);
    expect(f.fix).toMatch(/^Remove the setting/);
  });

  it("only notes it when the toolchain's packager set it in $GOROOT/go.env (Fedora)", () => {
    const s = withGoEnv(withEnvFile(loadSnapshot('linux-debian-copy-usr-local'), 'goroot', fedoraGoEnv), {
      GOSUMDB: 'off',
      GOPROXY: 'direct',
      GOTOOLCHAIN: 'local',
    });
    const f = only(sumdbDisabled(s), 'SUMDB_DISABLED');
    expect(f.severity).toBe('info');
    expect(f.message).toBe("Module checksums are not verified against the checksum database (GOSUMDB=off), as the toolchain's packager configured it.");
    expect(f.evidence).toEqual(['GOSUMDB=off (from GOROOT/go.env)']);
    expect(f.fix).toBeNull();
  });

  it("warns when the user adds a wide-open exemption on top of the packager's setting", () => {
    let s = withGoEnv(withEnvFile(loadSnapshot('linux-debian-copy-usr-local'), 'goroot', fedoraGoEnv), { GOSUMDB: 'off', GONOSUMDB: '*' });
    s = withEnv(s, { GONOSUMDB: '*' });
    const f = only(sumdbDisabled(s), 'SUMDB_DISABLED');
    expect(f.severity).toBe('warning');
    expect(f.evidence).toEqual(['GOSUMDB=off (from GOROOT/go.env)', 'GONOSUMDB=* (from environment)']);
  });

  it('warns on GOFLAGS=-insecure and on GOPRIVATE matching every module (saved with go env -w on Windows)', () => {
    const s = withEnvFile(loadSnapshot('windows-msi'), 'user', 'GOFLAGS=-insecure\r\nGOPRIVATE=*\r\n');
    const f = only(sumdbDisabled(s), 'SUMDB_DISABLED');
    expect(f.severity).toBe('warning');
    expect(f.evidence).toEqual(['GOPRIVATE=* (from user env file)', 'GOFLAGS=-insecure (from user env file)']);
  });

  it('stays silent on GOPRIVATE listing real private paths', () => {
    const s = withGoEnv(withEnv(loadSnapshot('darwin-homebrew'), { GOPRIVATE: '*.corp.example.com,github.com/acme/*' }), {
      GOPRIVATE: '*.corp.example.com,github.com/acme/*',
    });
    expect(sumdbDisabled(s)).toEqual([]);
  });

  it.each([...GENUINE_FIXTURES, 'linux-no-go'])('stays silent on %s', (name) => {
    expect(sumdbDisabled(loadSnapshot(name))).toEqual([]);
  });
});
