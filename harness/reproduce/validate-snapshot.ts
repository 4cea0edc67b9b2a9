import { FACTS_SCHEMA, type FactSnapshot } from '../../engine/facts/fact-snapshot.js';
import { schemaProblem } from '../../engine/report/schema-problem.js';
import { ReproduceError } from './reproduce-error.js';

/** Parses and checks a snapshot file's text; anything else is one ReproduceError line naming the file, the field and the fix. */
export function validateSnapshot(text: string, file: string): FactSnapshot {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new ReproduceError(`${file}: not JSON (${(e as Error).message}): make one with goverity snapshot`);
  }
  const schema = raw && typeof raw === 'object' ? (raw as Record<string, unknown>).schema : undefined;
  if (schema !== FACTS_SCHEMA)
    throw new ReproduceError(
      `${file}: not a goverity snapshot (schema ${JSON.stringify(schema ?? null)}, want "${FACTS_SCHEMA}"): make one with goverity snapshot`,
    );
  // Every field the engine and reproduce read, with its type: schemas/snapshot.schema.json.
  const problem = schemaProblem('snapshot', raw, 'snapshot');
  if (problem) throw new ReproduceError(`${file}: not a valid goverity snapshot: ${problem}: make one with goverity snapshot`);
  return raw as FactSnapshot;
}
