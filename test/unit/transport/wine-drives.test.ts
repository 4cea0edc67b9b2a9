import { describe, expect, it } from 'vitest';
import { WineDrives } from '../../../engine/transport/wine-drives.js';

const drives = WineDrives.fromDosdevices('/root/.wine', { 'c:': '../drive_c', 'z:': '/', 'd:': '/w', com1: '/dev/ttyS0' });

describe('WineDrives', () => {
  it('reads the drive letters from dosdevices links, relative or absolute', () => {
    expect(Object.fromEntries(drives.roots)).toEqual({ c: '/root/.wine/drive_c', z: '/', d: '/w' });
  });

  it('maps drive paths to the Unix files behind them, in any spelling Windows accepts', () => {
    expect(drives.toUnix('C:\\Program Files\\Go\\bin\\go.exe')).toBe('/root/.wine/drive_c/Program Files/Go/bin/go.exe');
    expect(drives.toUnix('c:/Go/bin/')).toBe('/root/.wine/drive_c/Go/bin');
    expect(drives.toUnix('\\\\?\\C:\\Go')).toBe('/root/.wine/drive_c/Go');
    expect(drives.toUnix('C:')).toBe('/root/.wine/drive_c');
    expect(drives.toUnix('Z:\\tmp\\x')).toBe('/tmp/x');
    expect(drives.toUnix('D:\\src')).toBe('/w/src');
  });

  it('never climbs out of a drive, and has no answer for relative, UNC or unmapped paths', () => {
    expect(drives.toUnix('C:\\..\\..\\etc\\passwd')).toBe('/root/.wine/drive_c/etc/passwd');
    expect(drives.toUnix('Go\\bin')).toBeNull();
    expect(drives.toUnix('\\\\server\\share\\go.exe')).toBeNull();
    expect(drives.toUnix('Q:\\go.exe')).toBeNull();
  });

  it('maps Unix paths back through the most specific drive', () => {
    expect(drives.toWindows('/root/.wine/drive_c/Go/bin')).toBe('C:\\Go\\bin');
    expect(drives.toWindows('/root/.wine/drive_c')).toBe('C:\\');
    expect(drives.toWindows('/w/src/x')).toBe('D:\\src\\x');
    expect(drives.toWindows('/tmp/goverity-1')).toBe('Z:\\tmp\\goverity-1');
    expect(new WineDrives({ c: '/p/drive_c' }).toWindows('/tmp')).toBeNull();
  });

  it('has C: and Z: in a fresh prefix', () => {
    expect(WineDrives.defaults('/home/u/.wine').toUnix('C:\\x')).toBe('/home/u/.wine/drive_c/x');
  });
});
