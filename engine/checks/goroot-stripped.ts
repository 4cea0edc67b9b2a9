import type { Check } from './finding.js';
import { commandText, view } from './toolchain-view.js';

/**
 * Packages every Go release has had since Go 1 (https://go.dev/doc/go1compat: none is ever removed); any of them
 * missing from `go list std` means the GOROOT was pruned. Not runtime/cgo: go list std leaves it out when cgo is off.
 */
const STOCK_STD = `archive/tar archive/zip bufio bytes compress/bzip2 compress/flate compress/gzip compress/lzw compress/zlib
container/heap container/list container/ring crypto crypto/aes crypto/cipher crypto/des crypto/dsa crypto/ecdsa crypto/elliptic
crypto/hmac crypto/md5 crypto/rand crypto/rc4 crypto/rsa crypto/sha1 crypto/sha256 crypto/sha512 crypto/subtle crypto/tls
crypto/x509 crypto/x509/pkix database/sql database/sql/driver debug/dwarf debug/elf debug/gosym debug/macho debug/pe
encoding/ascii85 encoding/asn1 encoding/base32 encoding/base64 encoding/binary encoding/csv encoding/gob encoding/hex
encoding/json encoding/pem encoding/xml errors expvar flag fmt go/ast go/build go/doc go/format go/parser go/printer go/scanner
go/token hash hash/adler32 hash/crc32 hash/crc64 hash/fnv html html/template image image/color image/draw image/gif image/jpeg
image/png index/suffixarray io io/ioutil log log/syslog math math/big math/cmplx math/rand mime mime/multipart net net/http
net/http/cgi net/http/cookiejar net/http/fcgi net/http/httptest net/http/httputil net/http/pprof net/mail net/rpc
net/rpc/jsonrpc net/smtp net/textproto net/url os os/exec os/signal os/user path path/filepath reflect regexp regexp/syntax
runtime runtime/debug runtime/pprof sort strconv strings sync sync/atomic syscall testing testing/iotest
testing/quick text/scanner text/tabwriter text/template text/template/parse time unicode unicode/utf16 unicode/utf8 unsafe`.split(/\s+/);

/** A GOROOT with standard packages or vet removed: hello world builds, but programs importing them, and go test (which runs vet), fail. */
export const gorootStripped: Check = (facts) => {
  const d = facts.diagnosis;
  const g = facts.goroot;
  // gccgo keeps its packages in libgo, not GOROOT/src; a GOROOT without src/runtime is GOROOT_INCOMPLETE's to report.
  if (!d || view(facts).isGccgo || !g?.exists || Object.entries(g.parts).some(([k, x]) => !x && /^src[\\/]/.test(k))) return [];
  const listed = new Set(
    (d.stdList?.stdout ?? '')
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean),
  );
  const notInStd = [...commandText(d.stdList).matchAll(/package (\S+) is not in std/g)].map((m) => m[1]!);
  const missing = [...new Set([...notInStd, ...(listed.size > 0 ? STOCK_STD.filter((p) => !listed.has(p)) : [])])];
  const vetGone = d.vetPresent === false;
  if (missing.length === 0 && !vetGone) return [];
  const parts = [...(missing.length ? [`standard packages ${list(missing)}`] : []), ...(vetGone ? ['the vet tool'] : [])];
  return [
    {
      code: 'GOROOT_STRIPPED',
      severity: 'warning',
      message: `${g.path} lacks ${parts.join(' and ')}: ${missing.length ? 'programs that import them fail to build' : ''}${missing.length && vetGone ? ', and ' : ''}${vetGone ? 'go test and go vet fail with `go: no such tool "vet"`' : ''}.`,
      evidence: [
        ...(missing.length
          ? [
              `go list std: ${notInStd.length ? `"package ${notInStd[0]} is not in std"; ` : ''}missing ${list(missing)} (of ${STOCK_STD.length} packages every release has)`,
            ]
          : []),
        ...(vetGone ? [`${facts.goEnv?.GOTOOLDIR ?? '$GOTOOLDIR'}/vet: no such file`] : []),
      ],
      fix: 'This GOROOT was pruned (a slimmed image or a partial copy): reinstall Go from the release archive or the package, or copy the whole tree.',
    },
  ];
};

function list(xs: string[]): string {
  return xs.length > 6 ? `${xs.slice(0, 6).join(', ')} and ${xs.length - 6} more` : xs.join(', ');
}
