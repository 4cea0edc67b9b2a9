import { describe, expect, it } from 'vitest';
import { gorootStripped } from '../../../engine/checks/goroot-stripped.js';
import type { CommandFact, DiagnosisFact } from '../../../engine/facts/fact-snapshot.js';
import { GENUINE_FIXTURES, loadSnapshot, only, variant, withGorootParts } from '../snapshot-builders.js';

const STOCK =
  `archive/tar archive/zip bufio bytes compress/bzip2 compress/flate compress/gzip compress/lzw compress/zlib container/heap container/list container/ring crypto crypto/aes crypto/cipher crypto/des crypto/dsa crypto/ecdsa crypto/elliptic crypto/hmac crypto/md5 crypto/rand crypto/rc4 crypto/rsa crypto/sha1 crypto/sha256 crypto/sha512 crypto/subtle crypto/tls crypto/x509 crypto/x509/pkix database/sql database/sql/driver debug/dwarf debug/elf debug/gosym debug/macho debug/pe encoding/ascii85 encoding/asn1 encoding/base32 encoding/base64 encoding/binary encoding/csv encoding/gob encoding/hex encoding/json encoding/pem encoding/xml errors expvar flag fmt go/ast go/build go/doc go/format go/parser go/printer go/scanner go/token hash hash/adler32 hash/crc32 hash/crc64 hash/fnv html html/template image image/color image/draw image/gif image/jpeg image/png index/suffixarray io io/ioutil log log/syslog math math/big math/cmplx math/rand mime mime/multipart net net/http net/http/cgi net/http/cookiejar net/http/fcgi net/http/httptest net/http/httputil net/http/pprof net/mail net/rpc net/rpc/jsonrpc net/smtp net/textproto net/url os os/exec os/signal os/user path path/filepath reflect regexp regexp/syntax runtime runtime/cgo runtime/debug runtime/pprof sort strconv strings sync sync/atomic syscall testing testing/iotest testing/quick text/scanner text/tabwriter text/template text/template/parse time unicode unicode/utf16 unicode/utf8 unsafe slices log/slog internal/abi`.split(
    ' ',
  );
const list = (pkgs: string[], stderr = '', exitCode = 0): CommandFact => ({
  argv: ['/usr/bin/go', 'list', 'std'],
  exitCode,
  stdout: pkgs.join('\n'),
  stderr,
  timedOut: false,
  truncated: false,
  spawnError: null,
  durationMs: 300,
  envOverrides: {},
  cwd: null,
});
const withDiagnosis = (d: DiagnosisFact) => variant(loadSnapshot('linux-debian-golang-go'), (s) => void (s.diagnosis = d));

describe('goroot-stripped (GOROOT_STRIPPED)', () => {
  it('names stock packages go list std no longer has, and a missing vet', () => {
    const pruned = STOCK.filter((p) => p !== 'net/rpc' && p !== 'net/rpc/jsonrpc');
    const f = only(
      gorootStripped(withDiagnosis({ stdList: list(pruned, 'go: package net/rpc is not in std (/usr/lib/go-1.19/src/net/rpc)\n', 1), vetPresent: false })),
      'GOROOT_STRIPPED',
    );
    expect(f.severity).toBe('warning');
    expect(f.message).toBe(
      '/usr/lib/go-1.19 lacks standard packages net/rpc, net/rpc/jsonrpc and the vet tool: programs that import them fail to build, and go test and go vet fail with `go: no such tool "vet"`.',
    );
    expect(f.evidence[0]).toBe('go list std: "package net/rpc is not in std"; missing net/rpc, net/rpc/jsonrpc (of 129 packages every release has)');
  });

  it('stays silent on a full tree, on gccgo, and leaves a GOROOT without src to GOROOT_INCOMPLETE', () => {
    expect(gorootStripped(withDiagnosis({ stdList: list(STOCK), vetPresent: true }))).toEqual([]);
    const noSrc = withGorootParts(withDiagnosis({ stdList: list([]), vetPresent: false }), { 'src/runtime': false });
    expect(gorootStripped(noSrc)).toEqual([]);
    expect(gorootStripped(variant(loadSnapshot('linux-gccgo'), (s) => void (s.diagnosis = { stdList: list(['fmt']), vetPresent: false })))).toEqual([]);
  });

  it.each([...GENUINE_FIXTURES, 'linux-no-go'])('stays silent on %s', (name) => {
    expect(gorootStripped(loadSnapshot(name))).toEqual([]);
  });
});
