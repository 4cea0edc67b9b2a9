import { describe, expect, it } from 'vitest';
import { goVersionLie } from '../../../engine/checks/go-version-lie.js';
import { GENUINE_FIXTURES, loadSnapshot, only, withCommand, withEnv, withGoEnv } from '../snapshot-builders.js';

describe('go-version-lie (GO_VERSION_LIE)', () => {
  it('fires on a wrapper script that prints a made-up version (recorded)', () => {
    const f = only(goVersionLie(loadSnapshot('linux-wrapper-version-lie')), 'GO_VERSION_LIE');
    expect(f.severity).toBe('error');
    expect(f.message).toBe(
      "go version reports a version the toolchain does not have: GOTOOLCHAIN=local go version prints go1.99.0, the binary's build info says go1.22.12; go version prints go1.99.0, go env GOVERSION says go1.22.12.",
    );
    expect(f.evidence).toContain('/usr/lib/go-1.22/bin/go: Go build info go1.22.12');
    expect(f.evidence).toContain('go env GOVERSION: go1.22.12');
    expect(f.evidence.at(-1)).toBe(
      '/usr/local/bin/go is a script: #!/bin/sh | if [ "$1" = version ]; then echo "go version go1.99.0 linux/amd64"; exit 0; fi | exec /usr/lib/go-1.22/bin/go "$@"',
    );
    expect(f.fix).toBe('Remove the program that rewrites go version output (/usr/local/bin/go) and put /usr/lib/go-1.22/bin/go on PATH.');
  });

  it('fires on a script that says gccgo in front of a gc go: the word gccgo switches nothing off', () => {
    const line = 'go version go1.99.0 gccgo (Debian 12.2.0-14) 12.2.0 linux/amd64\n';
    const s = withGoEnv(withCommand(withCommand(loadSnapshot('linux-wrapper-version-lie'), 'version', { stdout: line }), 'versionLocal', { stdout: line }), {
      GOTOOLDIR: '/usr/lib/gcc/x86_64-linux-gnu/12',
    });
    const f = only(goVersionLie(s), 'GO_VERSION_LIE');
    expect(f.message).toContain("GOTOOLCHAIN=local go version prints go1.99.0, the binary's build info says go1.22.12");
  });

  it('fires on a Windows go.bat that answers `version` itself; CRLF lines do not leak into the evidence', () => {
    const f = only(goVersionLie(loadSnapshot('windows-bat-shim-version-lie')), 'GO_VERSION_LIE');
    expect(f.message).toContain("GOTOOLCHAIN=local go version prints go1.99.0, the binary's build info says go1.22.5");
    expect(f.evidence).toContain('C:\\Program Files\\Go\\bin\\go.exe: Go build info go1.22.5');
    const script = f.evidence.at(-1)!;
    expect(script).toBe(
      'C:\\Program Files\\Go\\bin\\go.bat is a script: @echo off | rem Pretend to be the release the build scripts ask for. | if "%~1"=="version" (',
    );
    expect(f.evidence.join('\n')).not.toContain('\r');
    expect(f.fix).toBe(
      'Remove the program that rewrites go version output (C:\\Program Files\\Go\\bin\\go.bat) and put C:\\Program Files\\Go\\bin\\go.exe on PATH.',
    );
  });

  it('fires on a binary whose go version disagrees with its own build info (a patched go)', () => {
    let s = withCommand(loadSnapshot('darwin-homebrew'), 'version', { stdout: 'go version go1.24.0 darwin/arm64\n' });
    s = withCommand(s, 'versionLocal', { stdout: 'go version go1.24.0 darwin/arm64\n' });
    const f = only(goVersionLie(s), 'GO_VERSION_LIE');
    expect(f.message).toContain("GOTOOLCHAIN=local go version prints go1.24.0, the binary's build info says go1.23.4");
    expect(f.evidence).toContain('/opt/homebrew/Cellar/go/1.23.4/libexec/bin/go: Go build info go1.23.4');
  });

  it('stays silent on a GOTOOLCHAIN switch: go version and go env GOVERSION move together, the local one matches the build info', () => {
    let s = withEnv(loadSnapshot('linux-debian-copy-usr-local'), { GOTOOLCHAIN: 'go1.23.4' });
    s = withCommand(s, 'version', { stdout: 'go version go1.23.4 linux/amd64\n' });
    s = withGoEnv(s, { GOVERSION: 'go1.23.4', GOTOOLCHAIN: 'go1.23.4' });
    expect(goVersionLie(s)).toEqual([]);
  });

  it('stays silent on gccgo, whose go version says "unknown"', () => {
    expect(goVersionLie(loadSnapshot('linux-gccgo'))).toEqual([]);
  });

  it.each([...GENUINE_FIXTURES, 'linux-no-go', 'windows-goroot-missing', 'darwin-wrong-arch', 'linux-goroot-other-release'])('stays silent on %s', (name) => {
    expect(goVersionLie(loadSnapshot(name))).toEqual([]);
  });
});
