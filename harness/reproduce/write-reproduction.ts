import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { ScenarioLayer } from './generate-scenario-layer.js';
import { ReproduceError } from './reproduce-error.js';

/**
 * Writes scenarios/<id>.json and the layer directory whole or not at all: both are written into temporary names
 * beside their targets, then renamed into place; an id that exists already is refused, never overwritten.
 */
export async function writeReproduction(layer: ScenarioLayer, dirs: { scenarioFile: string; layerDir: string }): Promise<void> {
  for (const target of [dirs.scenarioFile, dirs.layerDir]) {
    if (await exists(target)) throw new ReproduceError(`${target} exists already: pick another --id (reproduce never overwrites a scenario)`);
  }
  await fs.mkdir(path.dirname(dirs.scenarioFile), { recursive: true });
  await fs.mkdir(path.dirname(dirs.layerDir), { recursive: true });
  const tmpLayer = await fs.mkdtemp(path.join(path.dirname(dirs.layerDir), `.${path.basename(dirs.layerDir)}-`));
  const tmpScenario = path.join(path.dirname(dirs.scenarioFile), `.${path.basename(dirs.scenarioFile)}-${process.pid}-${Date.now()}`);
  try {
    await fs.chmod(tmpLayer, 0o755);
    for (const [name, content] of Object.entries(layer.files)) {
      await fs.writeFile(path.join(tmpLayer, name), content, { mode: name.endsWith('.sh') ? 0o755 : 0o644 });
    }
    await fs.writeFile(tmpScenario, `${JSON.stringify(layer.scenario, null, 2)}\n`, { flag: 'wx' });
    await fs.rename(tmpLayer, dirs.layerDir);
    try {
      await fs.link(tmpScenario, dirs.scenarioFile);
    } catch (e) {
      await fs.rm(dirs.layerDir, { recursive: true, force: true });
      throw e;
    }
  } finally {
    await fs.rm(tmpLayer, { recursive: true, force: true });
    await fs.rm(tmpScenario, { force: true });
  }
}

async function exists(p: string): Promise<boolean> {
  return fs.lstat(p).then(
    () => true,
    () => false,
  );
}
