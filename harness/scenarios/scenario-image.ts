import type { ImageBuilder } from '../images/image-builder.js';
import { IMAGE_CATALOG } from '../images/image-catalog.js';
import type { ImageSpec } from '../images/image-spec.js';
import type { Scenario } from './scenario.js';

/** The scenario's image: its toolchain image, plus its own thin layer when it has one. */
export async function ensureScenarioImage(builder: ImageBuilder, s: Scenario): Promise<string> {
  if (!s.image.dockerfile) return builder.ensure(s.image.from);
  const spec: ImageSpec = { id: `scenario-${s.id}`, kind: 'dockerfile', dir: s.image.dockerfile, from: s.image.from };
  return builder.ensure(spec.id, [...IMAGE_CATALOG, spec]);
}
