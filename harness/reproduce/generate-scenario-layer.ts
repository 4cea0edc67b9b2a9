import type { FactSnapshot } from '../../engine/facts/fact-snapshot.js';
import { buildReport } from '../../engine/report/build-report.js';
import { encodeManifest } from './encode-manifest.js';
import { expectedFromReport } from './expected-from-report.js';
import { planLayout, type LayoutPlan } from './plan-layout.js';
import { renderDockerfile } from './render-dockerfile.js';

export interface ScenarioLayer {
  /** scenarios/<id>.json, as an object. */
  scenario: Record<string, unknown>;
  /** The layer directory's files by name (no directories: the names are fixed). */
  files: Record<'Dockerfile' | 'apply-layout.sh' | 'layout.manifest', string>;
  plan: LayoutPlan;
}

/**
 * A scenario and its image layer from a snapshot, pure: the Dockerfile is fixed text and escaped ENV lines, the
 * layout is a base64 manifest that the committed apply-layout.sh applies. `layerDir` is the layer's path in the repo.
 */
export function generateScenarioLayer(facts: FactSnapshot, opts: { id: string; layerDir: string; applyScript: string }): ScenarioLayer {
  const plan = planLayout(facts);
  const report = buildReport(facts);
  const { class: cls, expect } = expectedFromReport(report);
  const where = `${facts.platform.os}/${facts.platform.arch}`;
  const codes = expect.codes.length ? expect.codes.join(', ') : 'no findings';
  const breaks = [
    `Reproduced by goverity reproduce from a snapshot of ${facts.target} (${where}, ${facts.collectedAt}), judged ${report.verdict} there with ${codes}.`,
    ...plan.notes.map((n) => `${n[0]!.toUpperCase()}${n.slice(1)}.`),
    plan.limits.length
      ? `Not reproduced as it was: ${plan.limits.length} item(s), listed in reproduction.limits.`
      : 'Everything the verdict depends on is reproduced.',
  ].join(' ');
  const scenario = {
    id: opts.id,
    title: `Reproduced: ${report.go ? `${report.go.path}${report.go.version ? ` (${report.go.version})` : ''}` : 'no go'} on ${where}, ${report.verdict}`,
    class: cls,
    platform: plan.platform === 'wine' ? 'windows' : 'linux',
    breaks,
    seenAt: [],
    // Built offline: the layer's inputs are a user's snapshot, and applying it needs nothing from the network.
    image: { from: plan.base.image, dockerfile: opts.layerDir, network: 'none' },
    expect,
    reproduction: {
      snapshot: { target: facts.target, collectedAt: facts.collectedAt, platform: where, redactions: facts.redactions },
      base: plan.base.image,
      releases: plan.releases,
      notes: plan.notes,
      limits: plan.limits,
    },
  };
  return {
    scenario,
    files: {
      Dockerfile: renderDockerfile({ platform: plan.platform, env: plan.env, runAsUser: plan.runAsUser }),
      'apply-layout.sh': opts.applyScript,
      'layout.manifest': encodeManifest(plan.platform, plan.ops),
    },
    plan,
  };
}
