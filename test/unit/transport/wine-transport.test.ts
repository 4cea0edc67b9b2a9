import { describe, expect, it } from 'vitest';
import { FakeTransport } from '../../../engine/transport/fake-transport.js';
import { WineTransport } from '../../../engine/transport/wine-transport.js';

const SET_OUTPUT = 'APPDATA=C:\\users\\root\\AppData\\Roaming\r\nPATH=C:\\windows\\system32;C:\\Program Files\\Go\\bin\r\nPATHEXT=.com;.exe;.bat;.cmd\r\n';

function wine(onBatch: (batch: string) => { exitCode: number; stdout?: string; stderr?: string } = () => ({ exitCode: 0, stdout: SET_OUTPUT })) {
  const inner = new FakeTransport(
    {
      '/root/.wine/dosdevices/c:': { type: 'symlink', target: '../drive_c' },
      '/root/.wine/dosdevices/z:': { type: 'symlink', target: '/' },
      '/root/.wine/drive_c/Program Files/Go/bin/go.exe': { type: 'file', content: 'MZ' },
      '/root/.wine/drive_c/Program Files/Go/VERSION': { type: 'symlink', target: '/opt/VERSION' },
      '/opt/VERSION': { type: 'file', content: 'go1.24.4\n' },
      '/root/.wine/drive_c/Go/bin/go.exe': { type: 'symlink', target: '/nowhere' },
    },
    { HOME: '/root', PATH: '/usr/bin:/bin' },
    (argv) => (argv[0] === 'sh' ? onBatch(argv[5]!) : argv[0] === 'wineserver' ? { exitCode: 0 } : undefined),
    { os: 'linux', arch: 'amd64' },
    'docker-image:x',
  );
  return { inner, t: new WineTransport(inner, 'wine-image:x') };
}

describe('WineTransport', () => {
  it('is the Windows of the same machine', async () => {
    const { t } = wine();
    expect(await t.platform()).toEqual({ os: 'windows', arch: 'amd64' });
  });

  it('takes the environment from cmd set, run through a batch file under the prefix', async () => {
    const { t, inner } = wine();
    expect((await t.environment()).PATHEXT).toBe('.com;.exe;.bat;.cmd');
    // First a wineserver kept up between commands, then each command as a batch file.
    expect(inner.execs[0]).toEqual(['sh', '-c', 'wineserver -p30 </dev/null >/dev/null 2>&1']);
    const run = inner.execs.find((a) => a[0] === 'sh' && a[2] !== undefined && a[2].includes('wine cmd'))!;
    expect(run[6]).toBe('Z:\\tmp\\goverity-fake\\run-1.bat');
    expect(run[5]).toContain('\r\ncmd.exe /d /c set\r\n');
  });

  it('refuses an image where Wine does not run', async () => {
    const { t } = wine(() => ({ exitCode: 127, stderr: 'sh: 1: wine: not found' }));
    await expect(t.environment()).rejects.toThrow(/Wine did not run cmd in wine-image:x \(sh: 1: wine: not found\)/);
  });

  it('reports a program cmd cannot find as a spawn failure, as CreateProcess would', async () => {
    const { t } = wine(() => ({
      exitCode: 9009 & 0xff,
      stderr: "Can't recognize 'C:\\x\\go.exe version' as an internal or external command, or batch script.\r\n",
    }));
    const r = await t.exec(['C:\\x\\go.exe', 'version'], { timeoutMs: 1000, maxBytes: 1000 });
    expect(r.spawnError).toMatch(/Can't recognize/);
    expect(r.argv).toEqual(['C:\\x\\go.exe', 'version']);
  });

  it('maps drive paths to the files behind them, ignoring case and following Unix symlinks', async () => {
    const { t } = wine();
    expect(await t.lstat('C:\\Program Files\\Go\\bin\\go.exe')).toMatchObject({ path: 'C:\\Program Files\\Go\\bin\\go.exe', type: 'file', linkTarget: null });
    expect(await t.lstat('c:\\PROGRAM FILES\\go\\BIN\\GO.EXE')).toMatchObject({ type: 'file' });
    expect(await t.lstat('C:\\Program Files\\Go\\bin\\go.bat')).toBeNull();
    expect(await t.lstat('C:\\Go\\bin\\go.exe')).toBeNull();
    expect(Buffer.from((await t.readFile('C:\\Program Files\\Go\\VERSION', 100))!.bytes).toString()).toBe('go1.24.4\n');
    expect(await t.readDir('C:\\Program Files\\Go')).toEqual(['VERSION', 'bin']);
    expect(await t.lstat('Go\\bin\\go.exe')).toBeNull();
  });

  it('makes its temporary directories where Windows sees them, and ends wineserver on dispose', async () => {
    const { t, inner } = wine();
    expect(await t.makeTempDir({ 'a.go': 'package main' })).toBe('Z:\\tmp\\goverity-fake');
    expect(await t.lstat('Z:\\tmp\\goverity-fake\\a.go')).toMatchObject({ type: 'file' });
    await t[Symbol.asyncDispose]();
    expect(inner.execs.at(-1)).toEqual(['wineserver', '-k']);
    expect(inner.disposed).toBe(true);
  });
});
