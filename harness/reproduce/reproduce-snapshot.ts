import { promises as fs } from 'node:fs';
import path from 'node:path';
import { generateScenarioLayer, type ScenarioLayer } from './generate-scenario-layer.js';
import { ReproduceError } from './reproduce-error.js';
import { validateSnapshot } from './validate-snapshot.js';
import { writeReproduction } from './write-reproduction.js';

/** The committed script every generated layer carries a copy of. */
export const APPLY_SCRIPT = 'images/reproduce/apply-layout.sh';

export interface ReproduceOptions {
  /** The snapshot file, as the user named it (messages use this name). */
  snapshotFile: string;
  id: string;
  /** Where the goverity package is: images/reproduce/ is read from here. */
  repoRoot: string;
  /**
   * The tree the scenario goes into: <root>/scenarios/<id>.json and <root>/images/scenarios/<id>/ (the scenario
   * names its layer relative to it). The repository by default; tests give a temp directory.
   */
  root: string;
}

/** snapshot file → validated facts → scenario + layer, written whole into `root`. */
export async function reproduceSnapshot(o: ReproduceOptions): Promise<{ layer: ScenarioLayer; scenarioFile: string; layerDir: string }> {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(o.id)) throw new ReproduceError(`--id "${o.id}": a scenario id is lower-case letters, digits and dashes`);
  let text: string;
  try {
    text = await fs.readFile(o.snapshotFile, 'utf8');
  } catch (e) {
    throw new ReproduceError(
      `${o.snapshotFile}: can't read it (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}): make one with goverity snapshot > FILE`,
    );
  }
  const facts = validateSnapshot(text, o.snapshotFile);
  const layerRel = `images/scenarios/${o.id}`;
  const applyScript = await fs.readFile(path.join(o.repoRoot, APPLY_SCRIPT), 'utf8');
  const layer = generateScenarioLayer(facts, { id: o.id, layerDir: layerRel, applyScript });
  const scenarioFile = path.join(o.root, 'scenarios', `${o.id}.json`);
  const layerDir = path.join(o.root, layerRel);
  await writeReproduction(layer, { scenarioFile, layerDir });
  return { layer, scenarioFile, layerDir };
}

/** A default id from the snapshot's file name: `alice-mac.json` → `reproduced-alice-mac`. */
export function defaultScenarioId(snapshotFile: string): string {
  const stem = path
    .basename(snapshotFile)
    .replace(/\.json$/i, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `reproduced-${stem || 'snapshot'}`;
}
