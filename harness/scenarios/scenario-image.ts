import type { ImageBuilder } from '../images/image-builder.js';
import { IMAGE_CATALOG } from '../images/image-catalog.js';
import type { ImageSpec } from '../images/image-spec.js';
import type { Scenario } from './scenario.js';

/** The spec of the scenario's own layer, or null when it runs its toolchain image as it is. */
export function scenarioLayerSpec(s: Scenario): ImageSpec | null {
  if (!s.image.dockerfile) return null;
  return { id: `scenario-${s.id}`, kind: 'dockerfile', dir: s.image.dockerfile, from: s.image.from, ...(s.image.network ? { network: s.image.network } : {}) };
}

/** The scenario's image: its toolchain image, plus its own thin layer when it has one. */
export async function ensureScenarioImage(builder: ImageBuilder, s: Scenario): Promise<string> {
  const spec = scenarioLayerSpec(s);
  if (!spec) return builder.ensure(s.image.from);
  return builder.ensure(spec.id, [...IMAGE_CATALOG, spec]);
}
