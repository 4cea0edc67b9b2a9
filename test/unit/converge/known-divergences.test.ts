import { describe, expect, it } from 'vitest';
import { explainDivergence } from '../../../harness/converge/known-divergences.js';
import { gccgo, linux24, linux27, windows } from './converge-fixture.js';

const explains = (behaviour: string, env: typeof linux24, value: string) => explainDivergence(behaviour, env, value)?.link ?? null;

describe('explainDivergence', () => {
  it('knows Go 1.25 lowers GOMAXPROCS to the quota, rounded up and never below 2, and only from Go 1.25 on', () => {
    expect(explains('runtime.GOMAXPROCS --cpus 1', linux27, '2 (NumCPU 4)')).toBe('https://go.dev/doc/go1.25#container-aware-gomaxprocs');
    // Below the floor of 2, or on Go 1.24, or in gccgo, a lowered GOMAXPROCS is news.
    expect(explains('runtime.GOMAXPROCS --cpus 1', linux27, '1 (NumCPU 4)')).toBeNull();
    expect(explains('runtime.GOMAXPROCS --cpus 1', linux24, '2 (NumCPU 4)')).toBeNull();
    expect(explains('runtime.GOMAXPROCS --cpus 1', gccgo, '2 (NumCPU 4)')).toBeNull();
    expect(explains('runtime.GOMAXPROCS --cpus 1', linux24, '= NumCPU')).not.toBeNull();
  });

  it('explains Windows spellings only on Windows', () => {
    expect(explains('filepath.FromSlash', windows, 'a\\b')).toBe('https://pkg.go.dev/path/filepath#FromSlash');
    expect(explains('filepath.FromSlash', linux24, 'a\\b')).toBeNull();
    expect(explains('exec.LookPath PATHEXT .BAT;.EXE', windows, 'tool.bat')).toBe('https://pkg.go.dev/os/exec#LookPath');
    expect(explains('exec.LookPath PATHEXT .BAT;.EXE', windows, 'tool.exe')).toBeNull();
  });

  it('knows toolchain lines mean nothing before Go 1.21 and to gccgo-12', () => {
    expect(explains('go.mod toolchain (absent)', { ...linux24, goMinor: 19 }, 'ignored')).toBe('https://go.dev/doc/go1.21#tools');
    expect(explains('go.mod toolchain (absent)', gccgo, 'ignored')).toBe('https://go.dev/doc/go1.21#tools');
    expect(explains('go.mod toolchain (absent)', linux24, 'ignored')).toBeNull();
  });
});
