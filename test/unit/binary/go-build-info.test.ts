import { describe, expect, it } from 'vitest';
import { AddressMap } from '../../../engine/binary/address-map.js';
import { goUnquote, parseModinfo, readGoBuildInfo } from '../../../engine/binary/go-build-info.js';
import { CMD_GO_MODINFO, GO_VERSION, framedModinfo, inlineBuildInfoBlob } from './synthetic-binaries.js';

const encoder = new TextEncoder();

function withBlobAt(offset: number, size: number, blob: Uint8Array): Uint8Array {
  const bytes = new Uint8Array(size);
  bytes.set(blob, offset);
  return bytes;
}

describe('parseModinfo', () => {
  it('reads path, mod and build lines, unquoting keys and values as strconv does', () => {
    const info = parseModinfo(
      'go1.21.0',
      [
        'path\texample.com/tool/cmd/x',
        'mod\texample.com/tool\tv1.2.3\th1:xyz=',
        'dep\tgolang.org/x/sys\tv0.1.0\th1:abc=',
        '=>\t../sys\t(devel)\t',
        'build\t-ldflags="-X \\"main.v=1 2\\""',
        'build\t"weird=key"=`raw value`',
        'build\tvcs.revision=0123abcd',
        'build\tvcs.modified=false',
        'build\tCGO_ENABLED=1',
        'build\tbroken="unterminated',
        'build\t=nokey',
        'build\tnoequals',
        '',
      ].join('\n'),
    );
    expect(info).toEqual({
      version: 'go1.21.0',
      path: 'example.com/tool/cmd/x',
      mainModule: 'example.com/tool',
      main: { path: 'example.com/tool', version: 'v1.2.3', sum: 'h1:xyz=' },
      deps: [{ path: 'golang.org/x/sys', version: 'v0.1.0', sum: 'h1:abc=', replace: { path: '../sys', version: '(devel)', sum: '' } }],
      buildSettings: {
        '-ldflags': '-X "main.v=1 2"',
        'weird=key': 'raw value',
        'vcs.revision': '0123abcd',
        'vcs.modified': 'false',
        CGO_ENABLED: '1',
      },
    });
  });

  it('takes a "go" line only when the binary gave no version', () => {
    expect(parseModinfo('', 'go\tgo1.20\npath\tx\n').version).toBe('go1.20');
    expect(parseModinfo('go1.21', 'go\tgo1.20\n').version).toBe('go1.21');
  });
});

describe('goUnquote', () => {
  it.each([
    ['"plain"', 'plain'],
    ['"a\\tb\\n"', 'a\tb\n'],
    ['"\\x41\\101\\u00e9\\U0001F600"', 'AAé😀'],
    ['`raw \\n`', 'raw \\n'],
  ])('unquotes %s', (input, output) => {
    expect(goUnquote(input)).toBe(output);
  });

  it.each(['"', 'plain', '"bad \\q"', '"a"b"', '`a`b`', '"\\x4"', '"\\400"', '"\\uD800"'])('rejects %s', (input) => {
    expect(goUnquote(input)).toBeNull();
  });
});

describe('readGoBuildInfo', () => {
  const blob = inlineBuildInfoBlob(GO_VERSION, framedModinfo(CMD_GO_MODINFO));

  it('skips a magic that is not 16-byte aligned, like the literal in debug/buildinfo', () => {
    const bytes = withBlobAt(256, 1024, blob);
    bytes.set(blob.subarray(0, 14), 3);
    bytes[3 + 15] = 2;
    const result = readGoBuildInfo({ bytes, regions: [{ offset: 0, size: 1024 }], addresses: new AddressMap() });
    expect(result.problems).toEqual([]);
    expect(result.info?.version).toBe(GO_VERSION);
    expect(result.info?.path).toBe('cmd/go');
  });

  it('scans the whole buffer when no region holds the blob', () => {
    const bytes = withBlobAt(512, 2048, blob);
    const result = readGoBuildInfo({ bytes, regions: [{ offset: 0, size: 256 }], addresses: new AddressMap() });
    expect(result.info?.version).toBe(GO_VERSION);
  });

  it('drops modinfo that is not framed by its sentinels, as Go does', () => {
    const bytes = withBlobAt(0, 512, inlineBuildInfoBlob(GO_VERSION, encoder.encode('path\tcmd/go\n')));
    const result = readGoBuildInfo({ bytes, regions: [{ offset: 0, size: 512 }], addresses: new AddressMap() });
    expect(result.info).toEqual({ version: GO_VERSION, path: null, mainModule: null, buildSettings: {} });
  });

  it('says partial-read when the preferred region lies past a capped read', () => {
    const bytes = new Uint8Array(4096);
    const result = readGoBuildInfo({
      bytes,
      fileSize: 1 << 20,
      regions: [{ offset: 8192, size: 256 }],
      addresses: new AddressMap(),
    });
    expect(result).toEqual({ info: null, problems: ['partial-read'] });
  });

  it('flags an inline string whose length runs past the end', () => {
    const bytes = blob.slice(0, 40);
    const result = readGoBuildInfo({ bytes, regions: [{ offset: 0, size: 40 }], addresses: new AddressMap() });
    expect(result.problems).toEqual(expect.arrayContaining(['truncated', 'buildinfo-unreadable']));
    expect(result.info?.version).toBe('');
  });

  it('returns nothing for bytes without Go build info', () => {
    const bytes = encoder.encode('no go here'.repeat(100));
    expect(readGoBuildInfo({ bytes, regions: [], addresses: new AddressMap() })).toEqual({ info: null, problems: [] });
  });
});
