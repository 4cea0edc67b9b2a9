import { describe, expect, it } from 'vitest';
import { wineBatch } from '../../../engine/transport/wine-batch.js';

describe('wineBatch', () => {
  it('sets and unsets variables inside Windows, changes directory, runs the program and exits with its status', () => {
    const lines = wineBatch(['C:\\Program Files\\Go\\bin\\go.exe', 'env', 'GOROOT'], { GOROOT: null, GOENV: 'off' }, 'Z:\\tmp\\goverity-x').split('\r\n');
    expect(lines).toEqual([
      '@echo off',
      'setlocal DisableDelayedExpansion',
      'set "GOROOT="',
      'set "GOENV=off"',
      'cd /d "Z:\\tmp\\goverity-x" || exit /b 267',
      '"C:\\Program Files\\Go\\bin\\go.exe" env GOROOT',
      'exit /b %ERRORLEVEL%',
      '',
    ]);
  });

  it('keeps percent signs literal', () => {
    expect(wineBatch(['go.exe', '100%'], { X: 'a%PATH%b' })).toContain('set "X=a%%PATH%%b"\r\ngo.exe "100%%"\r\n');
  });
});
