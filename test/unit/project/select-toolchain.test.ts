import { describe, expect, it } from 'vitest';
import { compareGoVersions, goModLine, isLanguageVersion, versionOfToolchain } from '../../../engine/project/go-version.js';
import { selectToolchain, type GoverningFile } from '../../../engine/project/select-toolchain.js';

const mod = (goLine: string, toolchainLine = '', kind: 'go.mod' | 'go.work' = 'go.mod'): GoverningFile => ({ path: `/p/${kind}`, kind, goLine, toolchainLine });
const select = (gotoolchain: string, file: GoverningFile | null, local = '1.22.12') => selectToolchain({ local, gotoolchain, moduleMode: true, file });

// Cases are the examples and rules of https://go.dev/doc/toolchain (#version, #select, #config) and src/internal/gover/gover_test.go.
describe('Go version order (go.dev/doc/toolchain#version)', () => {
  it.each([
    ['1.21', '1.21rc1', -1],
    ['1.21rc1', '1.21rc2', -1],
    ['1.21rc2', '1.21.0', -1],
    ['1.21.0', '1.21.1', -1],
    ['1.21', '1.21.0', -1],
    ['1.20', '1.20.0', 0],
    ['1.9', '1.10', -1],
    ['1.22.12', '1.23', -1],
    ['1.23.4', '1.23.4', 0],
    ['1.3', '1.22', -1],
    ['1.21beta1', '1.21rc1', -1],
  ] as const)('%s vs %s is %d', (a, b, want) => {
    expect(compareGoVersions(a, b)).toBe(want);
    expect(compareGoVersions(b, a)).toBe(-want || 0);
  });

  it('tells language versions from releases, and reads toolchain names', () => {
    expect(isLanguageVersion('1.22')).toBe(true);
    expect(isLanguageVersion('1.22.0')).toBe(false);
    expect(isLanguageVersion('1.22rc1')).toBe(false);
    expect(versionOfToolchain('go1.23.4')).toBe('1.23.4');
    expect(versionOfToolchain('go1.21.1-custom')).toBe('1.21.1');
    expect(versionOfToolchain('1.23.4')).toBe('');
    expect(versionOfToolchain('go01.2')).toBe('');
    expect(versionOfToolchain('go/1.2')).toBe('');
  });

  it('reads go.mod lines as GoModLookup: first match, comments stripped, not a prefix of another word', () => {
    const text = 'module example.com/m\n\ngotoolchain x\ngo 1.23 // needs range-over-func\ntoolchain\tgo1.23.4\ngo 1.99\n';
    expect(goModLine(text, 'go')).toBe('1.23');
    expect(goModLine(text, 'toolchain')).toBe('go1.23.4');
    expect(goModLine('module m\n', 'toolchain')).toBe('');
  });
});

describe('toolchain selection (go.dev/doc/toolchain#select)', () => {
  it('GOTOOLCHAIN=local runs the local toolchain whatever go.mod says, which then refuses a newer go line', () => {
    expect(select('local', mod('1.23'))).toEqual({
      kind: 'run',
      toolchain: 'local',
      version: '1.22.12',
      mode: '',
      reason: 'local',
      tooNew: { requires: '1.23', line: 'go' },
    });
    expect(select('local', mod('1.22', 'go1.23.4'))).toMatchObject({ toolchain: 'local', tooNew: null });
  });

  it('auto switches to the go line when it is newer, and to its .0 release for a language version ≥ 1.21 (go.dev/issue/62278)', () => {
    expect(select('auto', mod('1.23.4'))).toEqual({ kind: 'run', toolchain: 'go1.23.4', version: '1.23.4', mode: 'auto', reason: 'go-line', tooNew: null });
    expect(select('auto', mod('1.23'))).toMatchObject({ toolchain: 'go1.23.0', version: '1.23.0', reason: 'go-line', tooNew: null });
    expect(select('auto', mod('1.20'))).toMatchObject({ kind: 'run', toolchain: 'local', tooNew: null });
  });

  it('auto keeps the local toolchain when the file asks for nothing newer', () => {
    expect(select('auto', mod('1.21.0'))).toMatchObject({ toolchain: 'local', reason: 'local', tooNew: null });
    expect(select('auto', null)).toMatchObject({ toolchain: 'local', tooNew: null });
  });

  it('a newer toolchain line wins over the go line; an older one is ignored', () => {
    expect(select('auto', mod('1.21.0', 'go1.23.4'))).toMatchObject({ toolchain: 'go1.23.4', reason: 'toolchain-line', tooNew: null });
    expect(select('auto', mod('1.21.0', 'go1.21.5'))).toMatchObject({ toolchain: 'local' });
    // The go line still raises the choice above an older toolchain line.
    expect(select('auto', mod('1.24.1', 'go1.23.4'))).toMatchObject({ toolchain: 'go1.24.1', reason: 'go-line' });
  });

  it('a go.work governs like a go.mod', () => {
    expect(select('auto', mod('1.22', 'go1.99.1', 'go.work'))).toMatchObject({ toolchain: 'go1.99.1', reason: 'toolchain-line' });
  });

  it('GOTOOLCHAIN=<name> runs that release and ignores go.mod; +auto and +path raise it by the file', () => {
    expect(select('go1.23.4', mod('1.25.0'))).toEqual({
      kind: 'run',
      toolchain: 'go1.23.4',
      version: '1.23.4',
      mode: '',
      reason: 'gotoolchain',
      tooNew: { requires: '1.25.0', line: 'go' },
    });
    expect(select('go1.23.4+auto', mod('1.25.0'))).toMatchObject({ toolchain: 'go1.25.0', mode: 'auto', reason: 'go-line' });
    expect(select('go1.23.4+path', mod('1.22'))).toMatchObject({ toolchain: 'go1.23.4', mode: 'path', reason: 'gotoolchain' });
    expect(select('go1.22.12', mod('1.20'))).toMatchObject({ toolchain: 'local' });
  });

  it('toolchain default keeps the minimum GOTOOLCHAIN sets, even below the go line', () => {
    expect(select('go1.25.0+auto', mod('1.26', 'default'))).toMatchObject({ toolchain: 'go1.25.0', tooNew: { requires: '1.26', line: 'go' } });
    expect(select('auto', mod('1.26', 'default'))).toMatchObject({ toolchain: 'local', tooNew: { requires: '1.26', line: 'go' } });
  });

  it('path looks only on PATH', () => {
    expect(select('path', mod('1.23.4'))).toMatchObject({ toolchain: 'go1.23.4', mode: 'path' });
  });

  it("rejects what go rejects, with go's own message", () => {
    expect(select('1.20.2', null)).toEqual({ kind: 'invalid', message: 'invalid GOTOOLCHAIN "1.20.2"' });
    expect(select('go1.22+foo', null)).toEqual({ kind: 'invalid', message: 'invalid GOTOOLCHAIN "go1.22+foo": only version suffixes are +auto and +path' });
    expect(select('bogus+auto', null)).toEqual({ kind: 'invalid', message: 'invalid GOTOOLCHAIN "bogus+auto": invalid minimum toolchain "bogus"' });
    expect(select('auto', mod('1.21', '1.23.4'))).toEqual({ kind: 'invalid', message: 'invalid toolchain "1.23.4" in go.mod' });
  });

  it('is skipped in GOPATH mode and when no GOTOOLCHAIN is configured anywhere', () => {
    expect(selectToolchain({ local: '1.22.12', gotoolchain: 'auto', moduleMode: false, file: mod('1.99') })).toEqual({ kind: 'skipped', why: 'gopath-mode' });
    expect(select('', mod('1.99'))).toEqual({ kind: 'skipped', why: 'gotoolchain-unset' });
  });
});
