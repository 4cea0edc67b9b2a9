import { ALL_CHECKS } from '../checks/all-checks.js';
import type { Check, Finding } from '../checks/finding.js';
import type { FactSnapshot } from '../facts/fact-snapshot.js';
import { settingSource, view } from '../checks/toolchain-view.js';
import { decideVerdict, type Verdict } from '../verdict/decide-verdict.js';
import { deriveProvenance, type Provenance } from '../verdict/derive-provenance.js';
import { summarizeProject, type ProjectSummary } from './project-summary.js';
import { toolVersion } from '../tool-version.js';
import { listProven, type Proof } from './list-proven.js';

export const REPORT_SCHEMA = 'goverity/report@1';

export interface Report {
  schema: typeof REPORT_SCHEMA;
  target: string;
  verdict: Verdict;
  authentic: boolean | null;
  provenance: Provenance;
  go: { path: string; resolved: string | null; version: string | null; goroot: string | null; chain: string[] } | null;
  findings: Finding[];
  /** What was shown to work, one line each (added to report@1: absent from older reports). */
  proven?: Proof[];
  /** The goverity that wrote the report (added to report@1). */
  tool?: { name: 'goverity'; version: string };
  timings: { totalMs: number } & Record<string, number>;
  /** verify --project DIR only (docs/contract.md). */
  project?: ProjectSummary | null;
}

/** Pure: snapshot → findings → verdict. A check that throws becomes a finding, never a crash. */
export function buildReport(facts: FactSnapshot, checks: Check[] = ALL_CHECKS): Report {
  const findings = checks.flatMap((check) => {
    try {
      return check(facts);
    } catch (e) {
      // An error, not a warning: a check that crashed proved nothing, and must not turn broken into degraded.
      return [
        {
          code: 'CHECK_FAILED' as const,
          severity: 'error' as const,
          message: `A check failed on these facts: ${(e as Error).message}`,
          evidence: [
            String((e as Error).stack ?? e)
              .split('\n')
              .slice(0, 3)
              .join(' | '),
          ],
          fix: 'Please report this with `goverity snapshot` output.',
        },
      ];
    }
  });
  const { verdict, authentic } = decideVerdict(findings);
  const v = view(facts);
  return {
    schema: REPORT_SCHEMA,
    target: facts.target,
    verdict,
    authentic,
    provenance: deriveProvenance(facts),
    go: v.go
      ? {
          path: v.go.path,
          resolved: v.go.realpath,
          version: v.printedVersion ?? v.goEnvVersion ?? v.builtVersion,
          // When go env did not answer: a GOROOT someone set, or the root around a real go binary; the directory
          // above a shim script or wrapper program is no GOROOT.
          goroot: facts.goEnv?.GOROOT ?? (v.isIndirection && !settingSource(facts, 'GOROOT') ? null : (facts.goroot?.path ?? null)),
          chain: [...v.go.hops.map((h) => h.path), ...(v.isIndirection && v.toolchainBinary && facts.goroot ? [facts.goroot.binaryPath] : [])],
        }
      : null,
    findings,
    proven: listProven(facts, findings),
    tool: { name: 'goverity', version: toolVersion() },
    timings: { ...facts.timings, totalMs: facts.timings.totalMs ?? 0 },
    ...(facts.project === undefined ? {} : { project: summarizeProject(facts) }),
  };
}
