import path from 'node:path';
import { parseOptions } from './parse-options.js';
import { UsageError } from './usage-error.js';
import { ReproduceError } from '../harness/reproduce/reproduce-error.js';
import { defaultScenarioId, reproduceSnapshot } from '../harness/reproduce/reproduce-snapshot.js';

/** `goverity reproduce SNAPSHOT.json [--id NAME] [--root DIR]`: a scenario and its image layer from a snapshot. */
export async function reproduceCommand(args: string[], repoRoot: string): Promise<number> {
  const parsed = parseOptions('reproduce', args, { id: { type: 'string' }, root: { type: 'string' } }, true);
  const [file, ...extra] = parsed.positionals;
  if (!file || extra.length) throw new UsageError('usage: goverity reproduce SNAPSHOT.json [--id NAME] [--root DIR]');
  const id = parsed.values.id ?? defaultScenarioId(file);
  // Never into the installed package: by default the scenario lands where the user is (a goverity checkout, usually).
  const root = path.resolve(parsed.values.root ?? process.cwd());
  try {
    const { layer, scenarioFile, layerDir } = await reproduceSnapshot({ snapshotFile: file, id, repoRoot, root });
    const s = layer.scenario as { expect: { verdict: string[]; codes: string[] } };
    const out = [
      `wrote ${path.relative(process.cwd(), scenarioFile) || scenarioFile} and ${path.relative(process.cwd(), layerDir) || layerDir}/ (FROM ${layer.plan.base.image})`,
      `expects ${s.expect.verdict.join(' or ')} with ${s.expect.codes.join(', ') || 'no findings'}: edit expect to what should happen`,
      ...layer.plan.notes.map((n) => `note: ${n}`),
      ...layer.plan.limits.map((l) => `not reproduced: ${l}`),
      path.resolve(root) === path.resolve(repoRoot)
        ? `run it: goverity run --scenario ${id}`
        : `run it in a goverity checkout (reproduce there, or with --root CHECKOUT): goverity run --scenario ${id}`,
    ];
    process.stdout.write(`${out.join('\n')}\n`);
    return 0;
  } catch (e) {
    if (e instanceof ReproduceError) throw new UsageError(e.message);
    throw e;
  }
}
