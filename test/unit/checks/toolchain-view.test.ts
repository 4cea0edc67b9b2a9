import { describe, expect, it } from 'vitest';
import { evidenceOf, isForeign, parseGoVersionLine, settingSource, view } from '../../../engine/checks/toolchain-view.js';
import { loadSnapshot, withCandidate, withCommand, withEnv, withEnvFile, withGoEnv, withGoroot, withIdentity } from '../snapshot-builders.js';

describe('toolchain-view (shared derivations)', () => {
  it("parses go version lines, including gccgo's", () => {
    expect(parseGoVersionLine('go version go1.22.12 linux/amd64\n')).toBe('go1.22.12');
    expect(parseGoVersionLine('go version go1.22.5 windows/amd64\r\n')).toBe('go1.22.5');
    expect(parseGoVersionLine('go version go1.18 gccgo (Debian 12.2.0-14) 12.2.0 linux/amd64')).toBe('go1.18');
    expect(parseGoVersionLine('go version unknown linux/amd64')).toBe('unknown');
    expect(parseGoVersionLine('bash: go: command not found')).toBeNull();
    expect(parseGoVersionLine(undefined)).toBeNull();
  });

  it('sees a Homebrew go as the cmd/go binary it resolves to, through two symlinks', () => {
    const v = view(loadSnapshot('darwin-homebrew'));
    expect(v.go?.path).toBe('/opt/homebrew/bin/go');
    expect(v.isGoCommandBinary).toBe(true);
    expect(v.isIndirection).toBe(false);
    expect(v.builtVersion).toBe('go1.23.4');
    expect(v.printedVersion).toBe('go1.23.4');
    expect(v.goEnvVersion).toBe('go1.23.4');
    expect(v.goRuns).toBe(true);
  });

  it('sees a go.bat as an indirection served by $GOROOT\\bin\\go.exe', () => {
    const s = loadSnapshot('windows-bat-shim');
    const v = view(s);
    expect(v.go?.path).toBe('C:\\Program Files\\Go\\bin\\go.bat');
    expect(v.isIndirection).toBe(true);
    expect(v.toolchainBinary).toBe(s.goroot!.binary);
    expect(v.builtVersion).toBe('go1.22.5');
  });

  it('does not call a foreign binary an indirection, nor a damaged one', () => {
    expect(view(loadSnapshot('darwin-wrong-arch')).isIndirection).toBe(false);
    expect(view(loadSnapshot('darwin-wrong-arch')).goRuns).toBe(false);
    expect(view(withIdentity(loadSnapshot('linux-wrapper-version-lie'), 0, { problems: ['bad-header'] })).isIndirection).toBe(false);
  });

  it('recognises gccgo from the bytes of its go command (libgo linkage), even behind a wrapper', () => {
    expect(view(loadSnapshot('linux-gccgo')).isGccgo).toBe(true);
    expect(view(loadSnapshot('linux-debian-golang-go')).isGccgo).toBe(false);
    // A script in front of gccgo's go: $GOROOT/bin/go (GOROOT=/usr) is the libgo-linked binary, so gccgo it is.
    const gccgo = loadSnapshot('linux-gccgo');
    const wrapped = withIdentity(withCandidate(gccgo, 0, { scriptHead: '#!/bin/sh\nexec /usr/bin/x86_64-linux-gnu-go-12 "$@"\n' }), 0, {
      format: 'script',
      os: null,
      arch: null,
      needed: [],
      gccgo: false,
      go: null,
      interpreter: '/bin/sh',
    });
    const w = withGoroot(wrapped, { binary: gccgo.candidates[0]!.identity });
    expect(view(w).isIndirection).toBe(true);
    expect(view(w).isGccgo).toBe(true);
  });

  it('never takes gccgo from what the suspect prints: a gccgo version line or a gcc tool dir in front of a gc go', () => {
    const lie = withGoEnv(
      withCommand(loadSnapshot('linux-wrapper-version-lie'), 'version', { stdout: 'go version go1.99.0 gccgo (Debian 12.2.0-14) 12.2.0 linux/amd64\n' }),
      { GOTOOLDIR: '/usr/lib/gcc/x86_64-linux-gnu/12' },
    );
    const v = view(lie);
    expect(v.isGccgo).toBe(false);
    expect(v.isIndirection).toBe(true);
    expect(v.builtVersion).toBe('go1.22.12');
  });

  it('memoizes per snapshot object', () => {
    const s = loadSnapshot('linux-gccgo');
    expect(view(s)).toBe(view(s));
    expect(view(loadSnapshot('linux-gccgo'))).not.toBe(view(s));
  });

  it("attributes a setting in go's precedence: environment, user env file, $GOROOT/go.env, default", () => {
    const base = loadSnapshot('linux-debian-copy-usr-local');
    expect(settingSource(base, 'GOPROXY')).toEqual({ value: 'https://proxy.golang.org,direct', source: 'GOROOT/go.env' });
    expect(settingSource(base, 'GOPATH')).toEqual({ value: '/root/go', source: 'default' });
    expect(settingSource(base, 'NO_SUCH_SETTING')).toBeNull();
    const user = withEnvFile(base, 'user', 'GOPROXY=direct\n');
    expect(settingSource(user, 'GOPROXY')).toEqual({ value: 'direct', source: 'user env file' });
    expect(settingSource(withEnv(user, { GOPROXY: 'off' }), 'GOPROXY')).toEqual({ value: 'off', source: 'environment' });
    // An empty variable is as good as unset, for go too.
    expect(settingSource(withEnv(user, { GOPROXY: '' }), 'GOPROXY')).toEqual({ value: 'direct', source: 'user env file' });
  });

  it('reads Windows environment names case-insensitively, and Unix ones exactly', () => {
    expect(settingSource(withEnv(loadSnapshot('windows-msi'), { GoFlags: '-mod=mod' }), 'GOFLAGS')).toEqual({ value: '-mod=mod', source: 'environment' });
    expect(settingSource(withEnv(loadSnapshot('linux-debian-copy-usr-local'), { GoFlags: '-mod=mod' }), 'GOFLAGS')).toEqual({ value: '', source: 'default' });
  });

  it('writes evidence as `overrides argv: status: first lines`', () => {
    const s = loadSnapshot('linux-debian-golang-go');
    expect(evidenceOf(s.commands.gorootLocated)).toBe('-u GOROOT GOENV=off /usr/bin/go env GOROOT: exit 0: /usr/lib/go-1.19');
    expect(evidenceOf(s.commands.versionLocal)).toBe('GOTOOLCHAIN=local /usr/bin/go version: exit 0: go version go1.19.8 linux/amd64');
    expect(evidenceOf(undefined)).toBe('(not run)');
    expect(evidenceOf(loadSnapshot('darwin-wrong-arch').commands.version)).toBe(
      '/usr/local/go/bin/go version: could not start: spawn Unknown system error -86',
    );
  });

  it("judges foreign binaries by OS and architecture, accepting a fat Mach-O with the machine's slice", () => {
    const mac = loadSnapshot('darwin-homebrew');
    const id = mac.candidates[0]!.identity!;
    expect(isForeign(mac, id)).toBe(false);
    expect(isForeign(mac, { ...id, arch: 'amd64' })).toBe(true);
    expect(isForeign(mac, { ...id, arch: 'amd64,arm64' })).toBe(false);
    expect(isForeign(mac, { ...id, format: 'pe', os: 'windows' })).toBe(true);
    expect(isForeign(mac, { ...id, format: 'script', os: null, arch: null })).toBe(false);
  });
});
