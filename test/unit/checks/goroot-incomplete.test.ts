import { describe, expect, it } from 'vitest';
import { gorootIncomplete } from '../../../engine/checks/goroot-incomplete.js';
import type { FactSnapshot } from '../../../engine/facts/fact-snapshot.js';
import { GENUINE_FIXTURES, loadSnapshot, only, variant, withFailedCommand, withGorootParts } from '../snapshot-builders.js';

/** A trimmed go with GOROOT unset that finds no pkg/tool beside it (cmd/go/main.go), go env silent. */
function trimmedNoRoot(s: FactSnapshot): FactSnapshot {
  const msg = "go: cannot find GOROOT directory: 'go' binary is trimmed and GOROOT is not set\n";
  let d = withFailedCommand(s, 'version', msg, 2);
  d = withFailedCommand(d, 'envJson', msg, 2);
  d = variant(d, (x) => {
    x.goEnv = null;
  });
  return d;
}

describe('goroot-incomplete (GOROOT_INCOMPLETE)', () => {
  it('fires when GOROOT lacks src/runtime', () => {
    const f = only(gorootIncomplete(withGorootParts(loadSnapshot('linux-debian-golang-go'), { 'src/runtime': false })), 'GOROOT_INCOMPLETE');
    expect(f.severity).toBe('error');
    expect(f.message).toBe('GOROOT /usr/lib/go-1.19 lacks src/runtime.');
    expect(f.evidence[0]).toMatch(/^\/usr\/lib\/go-1\.19 \(→ \/usr\/lib\/go-1\.19\): missing src\/runtime; present bin\/go, src\/fmt, /);
    expect(f.fix).toMatch(/^Reinstall the toolchain into \/usr\/lib\/go-1\.19/);
  });

  it('fires on a Windows GOROOT without compile.exe (backslash part names)', () => {
    const s = withGorootParts(loadSnapshot('windows-msi'), { 'pkg\\tool\\windows_amd64\\compile.exe': false, 'pkg\\tool\\windows_amd64\\link.exe': false });
    const f = only(gorootIncomplete(s), 'GOROOT_INCOMPLETE');
    expect(f.message).toBe('GOROOT C:\\Program Files\\Go lacks pkg\\tool\\windows_amd64\\compile.exe, pkg\\tool\\windows_amd64\\link.exe.');
  });

  it('fires on a macOS GOROOT without pkg/include', () => {
    const f = only(gorootIncomplete(withGorootParts(loadSnapshot('darwin-homebrew'), { 'pkg/include': false })), 'GOROOT_INCOMPLETE');
    expect(f.message).toBe('GOROOT /opt/homebrew/Cellar/go/1.23.4/libexec lacks pkg/include.');
  });

  it('does not require the optional parts (bin/go, VERSION, go.env)', () => {
    const s = withGorootParts(loadSnapshot('linux-debian-copy-usr-local'), { 'bin/go': false, VERSION: false, 'go.env': false });
    expect(gorootIncomplete(s)).toEqual([]);
  });

  it('leaves a GOROOT that does not exist, or that go cannot find, to GOROOT_MISSING', () => {
    expect(gorootIncomplete(loadSnapshot('windows-goroot-missing'))).toEqual([]);
    const s = withFailedCommand(
      withGorootParts(loadSnapshot('linux-debian-copy-usr-local'), { 'src/runtime': false }),
      'version',
      'go: cannot find GOROOT directory: /usr/local/go\n',
      2,
    );
    expect(gorootIncomplete(s)).toEqual([]);
  });

  it("does not judge a foreign-architecture install by this machine's tool directory (darwin_arm64 tools absent from an amd64 GOROOT)", () => {
    expect(gorootIncomplete(loadSnapshot('darwin-wrong-arch'))).toEqual([]);
  });

  it('stays silent on gccgo, whose GOROOT has no gc layout', () => {
    expect(gorootIncomplete(loadSnapshot('linux-gccgo'))).toEqual([]);
  });

  it('fires on a partial copy whose go, lacking pkg/tool beside it, cannot even find its GOROOT (half-copied-toolchain)', () => {
    const noTools = { 'pkg/tool/linux_amd64/compile': false, 'pkg/tool/linux_amd64/link': false, 'pkg/tool/linux_amd64/asm': false, 'pkg/include': false };
    const s = trimmedNoRoot(withGorootParts(loadSnapshot('linux-debian-copy-usr-local'), noTools));
    const f = only(gorootIncomplete(s), 'GOROOT_INCOMPLETE');
    expect(f.message).toBe(
      'GOROOT /usr/local/go, where /usr/local/go/bin/go lives, lacks pkg/tool/linux_amd64/compile, pkg/tool/linux_amd64/link, pkg/tool/linux_amd64/asm, pkg/include; go does not recognise it as its GOROOT without pkg/tool.',
    );
    expect(f.evidence.slice(1)).toEqual(['/usr/local/go/VERSION: go1.22.12', "cannot find GOROOT directory: 'go' binary is trimmed and GOROOT is not set"]);
  });

  it('leaves a go copied into a directory that is no toolchain tree to GOROOT_MISSING', () => {
    const s = variant(trimmedNoRoot(loadSnapshot('linux-debian-copy-usr-local')), (d) => {
      d.goroot = {
        ...d.goroot!,
        path: '/usr/local',
        realpath: '/usr/local',
        versionFile: null,
        parts: Object.fromEntries(Object.keys(d.goroot!.parts).map((k) => [k, k === 'bin/go'])),
      };
    });
    expect(gorootIncomplete(s)).toEqual([]);
  });

  it.each([...GENUINE_FIXTURES, 'linux-no-go'])('stays silent on %s', (name) => {
    expect(gorootIncomplete(loadSnapshot(name))).toEqual([]);
  });
});
