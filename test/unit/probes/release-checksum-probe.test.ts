import { describe, expect, it } from 'vitest';
import { h1Of, parseSha256Lines, recordedHash, releaseVersion } from '../../../engine/probes/release-checksum-probe.js';

// rsc.io/quote@v1.5.2's files, hashed with sha256sum in its module cache directory; its h1 is the checksum database's.
const QUOTE = `b167e79090d79e4b5738995c62a2186548fc33c919d6b4da1d36cc8c7c1e40c1  ./go.mod
1f0a53a9a0bd7be5ac0e6e7a77cb1b691e17b5f1115c52a0341cb60620b3fbbb  ./quote_test.go
3c6c72d48433d96659a2ac56e7d744b3ea42d333b1875e27683c02b045435306  ./buggy/buggy_test.go
8c3f49ee83461901b5112c0633f99e7d053e2f5d05400334833af741f135c91f  ./README.md
2d36597f7117c38b006835ae7f537487207d8ec407aa9d9980794b2030cbc067  ./LICENSE
bacafde5f561ddeaf6884f760f10379d6af8dc44a6c22b378ce90925345c1a02  ./quote.go
`;
const QUOTE_H1 = 'h1:w5fcysjrx7yqtD/aO+QwRjYZOKnaM9Uh2b40tElTs3Y=';

const hex = (c: string) => c.repeat(64);
const MOD = 'golang.org/toolchain@v0.0.1-go1.27.3.linux-amd64';

describe('release-checksum probe', () => {
  it("computes dirhash's h1 as the checksum database does (rsc.io/quote v1.5.2)", () => {
    const files = parseSha256Lines(QUOTE);
    expect(files.size).toBe(6);
    expect(h1Of(files, 'rsc.io/quote@v1.5.2', 'module')).toBe(QUOTE_H1);
    files.set('quote.go', hex('0'));
    expect(h1Of(files, 'rsc.io/quote@v1.5.2', 'module')).not.toBe(QUOTE_H1);
  });

  it('leaves out the go.mod copies go writes beside each _go.mod when it switches to a downloaded toolchain, and only those', () => {
    const module = new Map([
      ['VERSION', hex('1')],
      ['src/_go.mod', hex('2')],
    ]);
    const switched = new Map([...module, ['src/go.mod', hex('2')]]);
    expect(h1Of(switched, MOD, 'module')).toBe(h1Of(module, MOD, 'module'));
    const edited = new Map([...module, ['src/go.mod', hex('9')]]);
    expect(h1Of(edited, MOD, 'module')).not.toBe(h1Of(module, MOD, 'module'));
  });

  it("hashes a release archive's tree in its module's form: api, doc, misc and test left out, go.mod named _go.mod", () => {
    const release = new Map([
      ['VERSION', hex('1')],
      ['src/go.mod', hex('2')],
      ['src/cmd/go.mod', hex('3')],
      ['api/go1.txt', hex('4')],
      ['test/fixedbugs/x.go', hex('5')],
      ['doc/go_spec.html', hex('6')],
      ['misc/go.mod', hex('7')],
      ['src/testdata/apix', hex('8')],
    ]);
    const module = new Map([
      ['VERSION', hex('1')],
      ['src/_go.mod', hex('2')],
      ['src/cmd/_go.mod', hex('3')],
      ['src/testdata/apix', hex('8')],
    ]);
    expect(h1Of(release, MOD, 'release')).toBe(h1Of(module, MOD, 'module'));
    expect(h1Of(release, MOD, 'module')).not.toBe(h1Of(module, MOD, 'module'));
  });

  it("reads the hash from go's cached checksum-database answer and from a .ziphash, for that version only", () => {
    const answer = `61743986\ngolang.org/toolchain v0.0.1-go1.27.3.linux-amd64 ${QUOTE_H1}\ngolang.org/toolchain v0.0.1-go1.27.3.linux-amd64/go.mod h1:8wlg68NqwW7eMnI1aABk/C2pDYXj8mrMY4TyRfiLeS0=\n\ngo.sum database tree\n`;
    expect(recordedHash(answer, 'sumdb', 'v0.0.1-go1.27.3.linux-amd64')).toBe(QUOTE_H1);
    expect(recordedHash(answer, 'sumdb', 'v0.0.1-go1.27.30.linux-amd64')).toBeNull();
    expect(recordedHash(`${QUOTE_H1}\n`, 'ziphash', 'v0.0.1-go1.27.3.linux-amd64')).toBe(QUOTE_H1);
    expect(recordedHash('h1:short=\n', 'ziphash', 'v0.0.1-go1.27.3.linux-amd64')).toBeNull();
  });

  it("names a toolchain module only for releases that have one (go1.21 on), from VERSION's first line", () => {
    expect(releaseVersion('go1.27.3\ntime 2026-10-01T00:00:00Z\n')).toBe('go1.27.3');
    expect(releaseVersion('go1.23rc1\n')).toBe('go1.23rc1');
    expect(releaseVersion('go1.20.14\n')).toBeNull();
    expect(releaseVersion('devel go1.28-abc\n')).toBeNull();
    expect(releaseVersion('')).toBeNull();
  });
});
