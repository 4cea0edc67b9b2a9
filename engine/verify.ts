import type { FactSnapshot } from './facts/fact-snapshot.js';
import { collectFacts } from './probes/collect-facts.js';
import { buildReport, type Report } from './report/build-report.js';
import { openTarget } from './transport/open-target.js';

export interface VerifyOptions {
  /** Per quick go command (version, env, tool -V), in ms; builds get 9×. Default 20 000. */
  timeoutMs?: number;
  /** Also ask go to resolve a module through GOPROXY (off by default: verification is hermetic). */
  online?: boolean;
  /** Labels put on a container the target creates (docker-image:, wine-image:), for cleanup by label. */
  labels?: Record<string, string>;
}

/** The fact snapshot of a target (`local`, `docker-image:IMG`, `docker:CONTAINER`, `wine-image:IMG`); the target is always disposed. */
export async function collectTargetFacts(target = 'local', options: VerifyOptions = {}): Promise<FactSnapshot> {
  await using transport = await openTarget(target, options.labels);
  const t = options.timeoutMs;
  return collectFacts(transport, { online: options.online ?? false, limits: t ? { commandTimeoutMs: t, buildTimeoutMs: t * 9 } : {} });
}

/** `goverity verify` as a function: the goverity/report@1 of a target. */
export async function verify(target = 'local', options: VerifyOptions = {}): Promise<Report> {
  return buildReport(await collectTargetFacts(target, options));
}
