import type { Finding, FindingCode } from '../checks/finding.js';
import { commandText, ok, view } from '../checks/toolchain-view.js';
import type { FactSnapshot } from '../facts/fact-snapshot.js';
import { RECORD_SOURCE, releaseChecksumProblem } from '../checks/release-checksum-problem.js';

/** One thing a verification showed to work, with the evidence in one line (like `flutter doctor`'s ✓ lines). */
export interface Proof {
  what: string;
  evidence: string;
}

/** Findings that contradict a proof: where one is present, that proof is not listed. */
const DENIES: Record<string, FindingCode[]> = {
  answers: [
    'GO_NOT_FOUND',
    'GO_NOT_EXECUTABLE',
    'GO_STUB',
    'GO_VERSION_LIE',
    'BINARY_CORRUPT',
    'BINARY_WRONG_ARCH',
    'SHIM_UNRESOLVED',
    'PROBE_TIMEOUT',
    'PROBE_OUTPUT_LIMIT',
  ],
  consistent: [
    'GO_STUB',
    'GO_VERSION_LIE',
    'BINARY_CORRUPT',
    'BINARY_WRONG_ARCH',
    'GOROOT_MISSING',
    'GOROOT_INCOMPLETE',
    'GOROOT_MISMATCH',
    'TOOLCHAIN_MISMATCH',
    'TOOLCHAIN_SWITCH_FAILED',
    'PACKAGE_FILES_MODIFIED',
    'SIGNATURE_UNTRUSTED',
    'SIGNATURE_INVALID',
  ],
  release: ['RELEASE_CHECKSUM_MISMATCH', 'PACKAGE_FILES_MODIFIED', 'GO_STUB', 'GO_VERSION_LIE'],
  builds: ['BUILD_FAILED', 'BUILD_OUTPUT_FORGED'],
  cgo: ['CGO_BUILD_FAILED', 'CGO_TOOLCHAIN_MISSING', 'CGO_DISABLED', 'BUILD_OUTPUT_FORGED'],
};

const firstLine = (s: string) =>
  s
    .split('\n')
    .find((l) => l.trim())
    ?.trim() ?? '';

/** Pure: what the facts prove, each only when a command really did it and no finding says otherwise. */
export function listProven(facts: FactSnapshot, findings: Finding[]): Proof[] {
  const codes = new Set(findings.map((f) => f.code));
  const allowed = (k: string) => !DENIES[k]!.some((c) => codes.has(c));
  const v = view(facts);
  const c = facts.commands;
  const out: Proof[] = [];
  if (ok(c.version) && allowed('answers')) out.push({ what: 'go answers', evidence: `${v.go?.path ?? 'go'} version: ${firstLine(commandText(c.version))}` });
  // Identity from the binary's own build info (read from its bytes), never from what go prints about itself.
  const sources = [
    v.builtVersion && ['build info', v.builtVersion],
    v.goEnvVersion && ['go env GOVERSION', v.goEnvVersion],
    facts.goroot?.versionFile && ['$GOROOT/VERSION', firstLine(facts.goroot.versionFile)],
    ok(c.compileV) && ['compile -V', /version (\S+)/.exec(c.compileV!.stdout)?.[1] ?? ''],
  ].filter((x): x is [string, string] => !!x && !!x[1]);
  if (v.builtVersion && sources.length > 1 && sources.every(([, ver]) => ver === v.builtVersion) && allowed('consistent'))
    out.push({ what: 'it is consistent', evidence: sources.map(([src, ver]) => `${src} ${ver}`).join(' = ') });
  const rc = facts.releaseChecksum;
  const record = rc?.expected.find((e) => e.h1 === rc.h1 || e.h1 === rc.copy?.h1);
  // Proven only where RELEASE_CHECKSUM_MISMATCH, reading the same facts, finds nothing.
  if (rc && record && !releaseChecksumProblem(facts) && allowed('release')) {
    const same = rc.h1 === record.h1;
    out.push({
      what: "its files are the release's",
      evidence: `${facts.goroot?.path ?? 'GOROOT'} ${same ? `hashes to ${rc.h1}` : `matches ${rc.copy!.path} (${record.h1}) file by file, go.env aside`}, the checksum database's hash of ${rc.module} (${rc.expected
        .filter((e) => e.h1 === record.h1)
        .map((e) => RECORD_SOURCE[e.source])
        .join('; ')})`,
    });
  }
  if (ok(c.runPure) && allowed('builds'))
    out.push({ what: 'it built and ran a program', evidence: `go build, then the program printed: ${firstLine(c.runPure!.stdout)}` });
  if (ok(c.runCgo) && allowed('cgo'))
    out.push({ what: 'cgo works', evidence: `built with ${facts.goEnv?.CC ?? facts.cc?.name ?? 'the C compiler'} and ran: ${firstLine(c.runCgo!.stdout)}` });
  return out;
}
