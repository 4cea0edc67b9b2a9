import { describe, expect, it } from 'vitest';
import { dockerEnvLine } from '../../../harness/reproduce/docker-env-line.js';
import { encodeManifest } from '../../../harness/reproduce/encode-manifest.js';
import { layoutPath } from '../../../harness/reproduce/layout-path.js';
import { missingParts } from '../../../harness/reproduce/plan-layout.js';
import { decodeManifest } from './reproduce-fixtures.js';

describe('layoutPath', () => {
  it('maps absolute Linux paths and C:\\ paths to paths relative to the layout root', () => {
    expect(layoutPath('posix', '/usr//lib/./go-1.22/')).toBe('usr/lib/go-1.22');
    expect(layoutPath('windows', 'C:\\Program Files\\Go\\bin\\go.exe')).toBe('Program Files/Go/bin/go.exe');
    expect(layoutPath('windows', 'c:/Go/bin. ')).toBe('Go/bin');
  });

  it('refuses what could leave the root or is not a path here', () => {
    for (const [os, p] of [
      ['posix', '/usr/../etc'],
      ['posix', 'relative/go'],
      ['posix', '/'],
      ['posix', '/a\nb'],
      ['windows', 'C:\\Go\\..\\..\\x'],
      ['windows', 'D:\\Go'],
      ['windows', '\\\\server\\share\\go'],
      ['windows', 'C:\\a:b'],
    ] as const)
      expect({ p, r: layoutPath(os, p) }).toEqual({ p, r: null });
  });
});

describe('dockerEnvLine', () => {
  it('escapes only what Docker reads inside double quotes', () => {
    expect(dockerEnvLine('GOFLAGS', "a\"b$c\\d `e` 'f'")).toBe('ENV GOFLAGS="a\\"b\\$c\\\\d `e` \'f\'"');
  });

  it('writes nothing for a bad name or a control character', () => {
    expect(dockerEnvLine('A B', 'x')).toBeNull();
    expect(dockerEnvLine('A', 'x\ny')).toBeNull();
  });
});

describe('encodeManifest', () => {
  it('puts every string in base64 and modes in octal', () => {
    const text = encodeManifest('linux', [
      { op: 'file', path: 'usr/local/bin/go', mode: 0o755, content: '#!/bin/sh\necho "$(id)"\n' },
      { op: 'link', path: 'usr/bin/go', target: '../lib/go-1.22/bin/go' },
      { op: 'adduser' },
    ]);
    expect(text.split('\n')[1]).toMatch(/^file [A-Za-z0-9+/=]+ 755 [A-Za-z0-9+/=]+$/);
    expect(decodeManifest(text).ops).toEqual([
      { op: 'file', fields: ['usr/local/bin/go', '755', '#!/bin/sh\necho "$(id)"\n'] },
      { op: 'link', fields: ['usr/bin/go', '../lib/go-1.22/bin/go'] },
      { op: 'adduser', fields: [] },
    ]);
  });
});

describe('missingParts', () => {
  it('removes the highest directory that holds no present part', () => {
    const parts = {
      'bin/go': true,
      'src/runtime': true,
      'src/fmt': true,
      'pkg/tool/linux_amd64/compile': false,
      'pkg/tool/linux_amd64/link': false,
      'pkg/include': false,
      VERSION: true,
    };
    expect(missingParts(parts, '/')).toEqual(['pkg']);
    expect(missingParts({ ...parts, 'pkg/include': true }, '/')).toEqual(['pkg/tool']);
    expect(missingParts({ 'src\\runtime': false, 'src\\fmt': true }, '\\')).toEqual(['src\\runtime']);
    // Only a tree's own directories: gccgo's GOROOT /usr lists its tools under lib/gcc/..., and /usr/lib stays.
    expect(missingParts({ 'bin/go': true, 'lib/gcc/x86_64-linux-gnu/12/compile': false }, '/')).toEqual(['lib/gcc/x86_64-linux-gnu/12/compile']);
  });
});
