import type { FactSnapshot, ReleaseChecksumFact } from '../facts/fact-snapshot.js';

/** Where a recorded hash came from, as a report says it. */
export const RECORD_SOURCE = {
  sumdb: "the checksum database's answer go cached",
  ziphash: "go's .ziphash of the download",
  'sumdb-online': "the checksum database's answer through GOPROXY, asked now",
} as const;

const recordLines = (rc: ReleaseChecksumFact) => rc.expected.map((e) => `${RECORD_SOURCE[e.source]} (${e.path}): ${e.h1}`);

/** $GOROOT/go.env holds settings, not code: an edit there is GOROOT_GOENV_EDITED's to weigh (https://go.dev/doc/toolchain#config). */
const isGoEnv = (f: string) => f === 'go.env';

/** The files of an official release that differ from the ones Go's checksum database vouches for, as far as the facts tell. */
export function releaseChecksumProblem(facts: FactSnapshot): { message: string; evidence: string[]; fix: string } | null {
  const rc = facts.releaseChecksum;
  if (!rc || rc.h1 === null) return null;
  const root = facts.goroot?.path ?? 'GOROOT';
  const distinct = [...new Set(rc.expected.map((e) => e.h1))];
  if (distinct.length > 1)
    return {
      message: rc.expected.some((e) => e.source === 'sumdb-online')
        ? `The records of ${rc.module} disagree: the module cache holds a hash the checksum database does not give now, so the cache was edited after go wrote it.`
        : `The module cache's records of ${rc.module} disagree with each other, so one of them was edited after go wrote it.`,
      evidence: recordLines(rc),
      fix: `Find out who edited the module cache, then clear it (go clean -modcache) and let go fetch ${rc.module.split('@')[0]} again: it checks the download against the checksum database.`,
    };
  const want = distinct[0]!;
  if (rc.form === 'module') {
    if (rc.h1 === want) return null;
    return {
      message: `${root} is the tree of ${rc.module}, but its ${rc.files} files hash to ${rc.h1}, not the ${want} that Go's checksum database gives that release: files were changed after go unpacked it.`,
      evidence: [...recordLines(rc), `${root}: ${rc.files} files, ${rc.h1}`],
      fix: `Remove the tree (chmod -R u+w ${root} && rm -rf ${root}) and let go fetch it again, checked against the checksum database: GOTOOLCHAIN=${versionOf(rc)} go version. Then find out who changed it.`,
    };
  }
  const changed = (rc.changed ?? []).filter((f) => !isGoEnv(f));
  const missing = rc.missing ?? [];
  if (changed.length === 0 && missing.length === 0) return null;
  const shown = [...changed, ...missing.map((f) => `${f} (missing)`)].slice(0, 6);
  const n = changed.length + missing.length;
  return {
    message: `${n} file${n > 1 ? 's' : ''} of ${root} differ${n > 1 ? '' : 's'} from ${versionOf(rc)} as Go's checksum database vouches for it: ${shown.join(', ')}${n > shown.length ? ', …' : ''}.`,
    evidence: [...recordLines(rc), `${rc.copy!.path}: ${rc.copy!.h1}, the recorded tree, compared file by file with ${root}`],
    fix: `Find out who changed them, then reinstall ${versionOf(rc)} from https://go.dev/dl (remove ${root} first; unpacking over it keeps stray files).`,
  };
}

function versionOf(rc: ReleaseChecksumFact): string {
  // golang.org/toolchain@v0.0.1-go1.27.3.linux-amd64: the release is what lies between the prefix and the platform.
  return (rc.module.split('@v0.0.1-')[1] ?? rc.module).replace(/\.[^.]+$/, '');
}
