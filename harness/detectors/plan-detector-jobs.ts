import type { Provider } from '../providers/provider.js';
import type { RunJob } from '../runner/run-scenarios.js';
import type { Scenario } from '../scenarios/scenario.js';
import type { DetectorSpec } from './detector-spec.js';

/**
 * Each command detector on each scenario, on the first selected provider that can host the scenario (a detector
 * is scored once per scenario). A detector runs as a Unix process in the target, so Windows scenarios (Wine) are
 * skipped for it, with why.
 */
export function planDetectorJobs(
  scenarios: Scenario[],
  providers: Provider[],
  detectors: DetectorSpec[],
): { jobs: RunJob[]; skipped: { what: string; why: string }[] } {
  const jobs: RunJob[] = [];
  const skipped: { what: string; why: string }[] = [];
  const commands = detectors.filter((d) => !d.builtin);
  for (const scenario of scenarios) {
    if (commands.length === 0) break;
    if (scenario.platform !== 'linux') {
      skipped.push({
        what: `scenario ${scenario.id} for ${commands.map((d) => d.name).join(', ')}`,
        why: `a detector runs as a process in the target, and a ${scenario.platform} scenario under Wine can't host one`,
      });
      continue;
    }
    const provider = providers.find((p) => p.cannotHost(scenario) === null);
    if (!provider) continue;
    for (const detector of commands) jobs.push({ scenario, provider, mode: 'agentless', detector });
  }
  return { jobs, skipped };
}
