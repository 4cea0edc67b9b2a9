import { isFindingCode } from '../checks/finding-codes.js';
import { REPORT_SCHEMA, type Report } from './build-report.js';
import { schemaProblem } from './schema-problem.js';

/** A report from the text `verify --json` printed; throws, naming what is wrong, when it is not one (schemas/report.schema.json). */
export function parseReport(text: string): Report {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (e) {
    throw new Error(`not a goverity/report@1: ${text.trim() ? (e as Error).message : 'nothing was printed'}`);
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Error('not a goverity/report@1: not a JSON object');
  const schema = (v as { schema?: unknown }).schema;
  // Another document altogether is said as such, before any of its fields.
  if (schema !== REPORT_SCHEMA) throw new Error(`not a goverity/report@1: schema is ${JSON.stringify(schema ?? null)}, not "${REPORT_SCHEMA}"`);
  const problem = schemaProblem('report', v);
  if (problem) throw new Error(`not a goverity/report@1: ${problem}`);
  // The schema says a code is a string; the one vocabulary (engine/checks/finding-codes.ts) says which.
  for (const [i, f] of (v as { findings: { code: string }[] }).findings.entries())
    if (!isFindingCode(f.code)) throw new Error(`not a goverity/report@1: findings[${i}].code "${f.code}" is not a finding code`);
  return v as Report;
}
