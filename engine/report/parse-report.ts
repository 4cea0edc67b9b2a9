import { REPORT_SCHEMA, type Report } from './build-report.js';

const VERDICTS = ['ready', 'degraded', 'broken', 'absent'];
const SEVERITIES = ['error', 'warning', 'info'];

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isStr(v: unknown): v is string {
  return typeof v === 'string';
}

function isStrOrNull(v: unknown): boolean {
  return v === null || typeof v === 'string';
}

function isStrArray(v: unknown): boolean {
  return Array.isArray(v) && v.every(isStr);
}

/** The first field that breaks goverity/report@1 (docs/contract.md), or null when the value is a report. */
function reportProblem(v: unknown): string | null {
  if (!isObj(v)) return 'not a JSON object';
  if (v.schema !== REPORT_SCHEMA) return `schema is ${JSON.stringify(v.schema)}, not "${REPORT_SCHEMA}"`;
  if (!isStr(v.target)) return 'target is not a string';
  if (!VERDICTS.includes(v.verdict as string)) return `verdict ${JSON.stringify(v.verdict)} is not one of ${VERDICTS.join(', ')}`;
  if (v.authentic !== null && typeof v.authentic !== 'boolean') return 'authentic is neither true, false nor null';
  const p = v.provenance;
  if (!isObj(p) || !isStr(p.kind) || !isStrOrNull(p.manager) || typeof p.container !== 'boolean') return 'provenance is not { kind, manager, container }';
  const go = v.go;
  if (go !== null && (!isObj(go) || !isStr(go.path) || !isStrOrNull(go.resolved) || !isStrOrNull(go.version) || !isStrOrNull(go.goroot) || !isStrArray(go.chain)))
    return 'go is neither null nor { path, resolved, version, goroot, chain }';
  if (!Array.isArray(v.findings)) return 'findings is not an array';
  for (const [i, f] of v.findings.entries()) {
    if (!isObj(f) || !isStr(f.code) || !SEVERITIES.includes(f.severity as string) || !isStr(f.message) || !isStrArray(f.evidence) || !isStrOrNull(f.fix))
      return `findings[${i}] is not { code, severity, message, evidence, fix }`;
  }
  const t = v.timings;
  if (!isObj(t) || typeof t.totalMs !== 'number' || !Object.values(t).every((x) => typeof x === 'number')) return 'timings is not an object of numbers with totalMs';
  return null;
}

/** A report from the text `verify --json` printed; throws, naming what is wrong, when it is not one. */
export function parseReport(text: string): Report {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (e) {
    throw new Error(`not a goverity/report@1: ${text.trim() ? (e as Error).message : 'nothing was printed'}`);
  }
  const problem = reportProblem(v);
  if (problem) throw new Error(`not a goverity/report@1: ${problem}`);
  return v as Report;
}
