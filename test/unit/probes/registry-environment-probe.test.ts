import { describe, expect, it } from 'vitest';
import { shellGoDiffers } from '../../../engine/checks/shell-go-differs.js';
import { shellProfileFailed } from '../../../engine/checks/shell-profile-failed.js';
import type { CommandFact } from '../../../engine/facts/fact-snapshot.js';
import { composeEnvironment, MACHINE_KEY, parseRegQuery, USER_KEY } from '../../../engine/probes/registry-environment-probe.js';
import { loadSnapshot, only, run, variant } from '../snapshot-builders.js';

const query = (stdout: string) => ({ stdout, exitCode: 0 }) as CommandFact;
// What Wine's `reg query` printed in the win-user-path-stale-go scenario (abridged).
const MACHINE = query(
  `\r\n${MACHINE_KEY.replace('HKLM', 'HKEY_LOCAL_MACHINE')}\r\n    ComSpec    REG_EXPAND_SZ    %SystemRoot%\\system32\\cmd.exe\r\n    PATH    REG_EXPAND_SZ    C:\\windows\\system32;C:\\windows\r\n    PATHEXT    REG_SZ    .com;.exe;.bat;.cmd\r\n    EMPTY    REG_SZ\r\n\r\n`,
);
const USER = query(
  `\r\nHKEY_CURRENT_USER\\Environment\r\n    PATH    REG_EXPAND_SZ    C:\\Go\\bin;%USERPROFILE%\\go\\bin\r\n    GOROOT    REG_SZ    C:\\Go\r\n\r\n`,
);

describe('registry environment (what a new Windows terminal gets)', () => {
  it("reads reg query's values, an empty one included", () => {
    expect(parseRegQuery(MACHINE, MACHINE_KEY).map((v) => [v.name, v.type, v.value])).toEqual([
      ['ComSpec', 'REG_EXPAND_SZ', '%SystemRoot%\\system32\\cmd.exe'],
      ['PATH', 'REG_EXPAND_SZ', 'C:\\windows\\system32;C:\\windows'],
      ['PATHEXT', 'REG_SZ', '.com;.exe;.bat;.cmd'],
      ['EMPTY', 'REG_SZ', ''],
    ]);
  });

  it("joins PATH machine first, puts the user's other values over the machine's, and expands REG_EXPAND_SZ", () => {
    const env = composeEnvironment([...parseRegQuery(MACHINE, MACHINE_KEY), ...parseRegQuery(USER, USER_KEY)], {
      SystemRoot: 'C:\\windows',
      USERPROFILE: 'C:\\users\\root',
    });
    expect(env.PATH).toBe('C:\\windows\\system32;C:\\windows;C:\\Go\\bin;C:\\users\\root\\go\\bin');
    expect(env.ComSpec).toBe('C:\\windows\\system32\\cmd.exe');
    expect(env.GOROOT).toBe('C:\\Go');
  });

  it('SHELL_GO_DIFFERS names the registry value and tells to restart the launcher or change PATH; no profile failure is claimed', () => {
    const s = variant(loadSnapshot('windows-msi'), (d) => {
      d.loginShell = {
        kind: 'windows-registry',
        shell: 'the registry',
        command: MACHINE,
        path: 'C:\\windows\\system32;C:\\Go\\bin',
        go: { path: 'C:\\Go\\bin\\go.exe', realpath: 'C:\\Go\\bin\\go.exe', version: 'go1.22.12' },
        vars: {},
        profileLines: [{ file: USER_KEY, line: 0, text: 'PATH=C:\\Go\\bin;%USERPROFILE%\\go\\bin' }],
      };
    });
    const f = only(run(shellGoDiffers, s), 'SHELL_GO_DIFFERS');
    expect(f.message).toMatch(
      /^A new terminal \(the registry's machine and user environment\) runs C:\\Go\\bin\\go\.exe \(go1\.22\.12\), but this process runs C:\\Program Files\\Go\\bin\\go\.exe/,
    );
    expect(f.evidence).toContain('HKCU\\Environment: PATH=C:\\Go\\bin;%USERPROFILE%\\go\\bin');
    expect(f.fix).toContain('restart what launched this process');
    expect(f.fix).toContain('change PATH in HKCU\\Environment');
    expect(
      run(
        shellProfileFailed,
        variant(s, (d) => Object.assign(d.loginShell!, { path: null })),
      ),
    ).toEqual([]);
    // The same file in another case is the same file on Windows.
    const sameFile = variant(s, (d) =>
      Object.assign(d.loginShell!.go!, { path: 'c:\\program files\\go\\bin\\GO.EXE', realpath: 'c:\\program files\\go\\bin\\GO.EXE' }),
    );
    expect(run(shellGoDiffers, sameFile)).toEqual([]);
  });
});
