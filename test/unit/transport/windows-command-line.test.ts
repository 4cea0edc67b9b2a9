import { describe, expect, it } from 'vitest';
import { quoteWindowsArg, windowsCommandLine } from '../../../engine/transport/windows-command-line.js';

describe('quoteWindowsArg', () => {
  it('leaves plain arguments alone and quotes spaces and cmd syntax', () => {
    expect(quoteWindowsArg('version')).toBe('version');
    expect(quoteWindowsArg('C:\\Go\\bin\\go.exe')).toBe('C:\\Go\\bin\\go.exe');
    expect(quoteWindowsArg('C:\\Program Files\\Go\\bin\\go.exe')).toBe('"C:\\Program Files\\Go\\bin\\go.exe"');
    expect(quoteWindowsArg('a&b')).toBe('"a&b"');
    expect(quoteWindowsArg('')).toBe('""');
  });

  it('escapes quotes and the backslashes before them, as CommandLineToArgvW reads them back', () => {
    expect(quoteWindowsArg('say "hi"')).toBe('"say \\"hi\\""');
    expect(quoteWindowsArg('C:\\dir with space\\')).toBe('"C:\\dir with space\\\\"');
    expect(quoteWindowsArg('a\\"b')).toBe('"a\\\\\\"b"');
  });
});

describe('windowsCommandLine', () => {
  it('joins an argv', () => {
    expect(windowsCommandLine(['C:\\Program Files\\Go\\bin\\go.exe', 'env', '-json'])).toBe('"C:\\Program Files\\Go\\bin\\go.exe" env -json');
  });

  it('wraps what cmd /c runs in one more pair of quotes when it holds quotes, and not otherwise', () => {
    expect(windowsCommandLine(['cmd.exe', '/d', '/c', 'C:\\Program Files\\Go\\bin\\go.bat', 'version'])).toBe(
      'cmd.exe /d /c ""C:\\Program Files\\Go\\bin\\go.bat" version"',
    );
    expect(windowsCommandLine(['C:\\windows\\system32\\cmd.exe', '/d', '/c', 'C:\\Go\\bin\\go.bat', 'version'])).toBe(
      'C:\\windows\\system32\\cmd.exe /d /c C:\\Go\\bin\\go.bat version',
    );
    expect(windowsCommandLine(['cmd.exe', '/d', '/c', 'set'])).toBe('cmd.exe /d /c set');
  });
});
