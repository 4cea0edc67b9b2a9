import type Dockerode from 'dockerode';
import type { ImageBuilder } from '../images/image-builder.js';
import { IMAGE_CATALOG } from '../images/image-catalog.js';
import type { ImageSpec } from '../images/image-spec.js';
import type { Scenario } from '../scenarios/scenario.js';
import { ensureScenarioImage, scenarioLayerSpec } from '../scenarios/scenario-image.js';
import { sshdSetEnv } from './sshd-set-env.js';

/** Kernel, initramfs and offline .debs, built once from the base rootfs. */
export const VM_KIT_SPEC: ImageSpec = { id: 'vm-kit', kind: 'dockerfile', dir: 'images/vm/kit', from: 'base-bookworm' };
export const VM_LAYER_DIR = 'images/vm/layer';

export interface VmImage {
  /** The VM layer's tag: the scenario's image plus kernel, sshd and goverity-init. */
  tag: string;
  /** The user `docker exec` runs as in the scenario's image (name or uid), '' for root. */
  user: string;
}

/**
 * The scenario's image (the very layers its container runs) with the VM layer on top. The layer's build
 * args carry the kit's tag and the image's ENV, so its content-hash tag changes with either.
 */
export async function ensureVmImage(builder: ImageBuilder, docker: Dockerode, scenario: Scenario): Promise<VmImage> {
  const scenarioTag = await ensureScenarioImage(builder, scenario);
  const scenarioSpec = scenarioLayerSpec(scenario);
  const parent = scenarioSpec?.id ?? scenario.image.from;
  const specs = [...IMAGE_CATALOG, ...(scenarioSpec ? [scenarioSpec] : []), VM_KIT_SPEC];
  const [kitTag, config] = await Promise.all([
    builder.ensure(VM_KIT_SPEC.id, specs),
    docker
      .getImage(scenarioTag)
      .inspect()
      .then((i) => i.Config),
  ]);
  const layer: ImageSpec = {
    id: `vm-${scenario.id}`,
    kind: 'dockerfile',
    dir: VM_LAYER_DIR,
    from: parent,
    buildArgs: { KIT: kitTag, SSHD_SET_ENV: sshdSetEnv(config.Env ?? []) },
  };
  const tag = await builder.ensure(layer.id, [...specs, layer]);
  return { tag, user: config.User ?? '' };
}
