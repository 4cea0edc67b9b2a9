import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { FactSnapshot } from '../../engine/facts/fact-snapshot.js';
import { buildReport, type Report } from '../../engine/report/build-report.js';
import { redactSnapshot } from '../../engine/facts/redact-snapshot.js';
import type { Provider } from '../providers/provider.js';
import { runScenario } from '../runner/run-scenarios.js';
import { parseScenario } from '../scenarios/load-scenarios.js';
import type { Scenario } from '../scenarios/scenario.js';
import { reproduceSnapshot } from './reproduce-snapshot.js';

/** What a round trip compares: the verdict and what it rests on. */
export interface Judgement {
  verdict: string;
  authentic: boolean | null;
  provenance: string;
  codes: string[];
}

export interface RoundTrip {
  id: string;
  original: Judgement;
  reproduced: Judgement | null;
  /** Differences, one line each; empty when the round trip holds. */
  differences: string[];
  limits: string[];
  error: string | null;
}

export function judgementOf(r: Report): Judgement {
  return {
    verdict: r.verdict,
    authentic: r.authentic,
    provenance: `${r.provenance.kind}/${r.provenance.manager ?? '-'}`,
    codes: [...new Set(r.findings.map((f) => f.code))].sort(),
  };
}

export function compareJudgements(a: Judgement, b: Judgement): string[] {
  const out: string[] = [];
  if (a.verdict !== b.verdict) out.push(`verdict ${a.verdict} → ${b.verdict}`);
  if (a.authentic !== b.authentic) out.push(`authentic ${a.authentic} → ${b.authentic}`);
  if (a.provenance !== b.provenance) out.push(`provenance ${a.provenance} → ${b.provenance}`);
  const lost = a.codes.filter((c) => !b.codes.includes(c));
  const gained = b.codes.filter((c) => !a.codes.includes(c));
  if (lost.length || gained.length) out.push(`codes ${[...lost.map((c) => `-${c}`), ...gained.map((c) => `+${c}`)].join(' ')}`);
  return out;
}

/**
 * A directory reproduce can write into and the image builder can build from: scenarios/, images/scenarios/, and
 * links to the repository's base and toolchain recipes (so parents keep their tags and are never rebuilt).
 */
export async function makeReproduceRoot(dir: string, repoRoot: string): Promise<string> {
  await fs.mkdir(path.join(dir, 'scenarios'), { recursive: true });
  await fs.mkdir(path.join(dir, 'images', 'scenarios'), { recursive: true });
  for (const sub of ['base', 'toolchains']) {
    const link = path.join(dir, 'images', sub);
    await fs.symlink(path.join(repoRoot, 'images', sub), link).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== 'EEXIST') throw e;
    });
  }
  return dir;
}

/**
 * Reproduce a scenario's snapshot into `root` as a user would attach it (redacted), run the reproduction on
 * `reproducedOn`, and compare its judgement with the snapshot's own.
 */
export async function roundTripFacts(
  s: Scenario,
  facts: FactSnapshot,
  opts: { reproducedOn: Provider; repoRoot: string; root: string; id: string },
): Promise<RoundTrip> {
  // A reproduction recreates the environment, not a --project directory (a limit it lists): judge the environment alone.
  const original = judgementOf(buildReport({ ...facts, project: undefined }));
  const snapshotFile = path.join(opts.root, `${opts.id}.snapshot.json`);
  await fs.writeFile(snapshotFile, JSON.stringify(redactSnapshot(facts), null, 2));
  const { layer, scenarioFile } = await reproduceSnapshot({ snapshotFile, id: opts.id, repoRoot: opts.repoRoot, root: opts.root });
  const limits = (layer.scenario.reproduction as { limits: string[] }).limits;
  const reproducedScenario = parseScenario(scenarioFile, await fs.readFile(scenarioFile, 'utf8'));
  const result = await runScenario(opts.reproducedOn, reproducedScenario);
  if (!result.report)
    return { id: s.id, original, reproduced: null, differences: [result.why.join('; ')], limits, error: result.error?.message ?? 'no report' };
  const reproduced = judgementOf(result.report);
  return { id: s.id, original, reproduced, differences: compareJudgements(original, reproduced), limits, error: null };
}
