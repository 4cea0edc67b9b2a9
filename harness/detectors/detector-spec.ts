import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Verdict } from '../../engine/verdict/decide-verdict.js';

export const DETECTOR_SCHEMA = 'goverity/detector@1';
const VERDICTS: Verdict[] = ['ready', 'degraded', 'broken', 'absent'];

/** How a detector's answer becomes a verdict: a JSON object on stdout, or its exit status. */
export type DetectorOutput = { json: true } | { exitCodes: Record<string, Verdict> };

/** A detector as written in detectors/<name>.json, its files resolved against that file's folder. */
export interface DetectorSpec {
  name: string;
  description: string;
  /** The spec file it was read from. */
  file: string;
  /** goverity's own engine, run as the harness runs it (`--mode` applies); no command, no files. */
  builtin: 'goverity' | null;
  /** argv run in the copied folder (the working directory), as the target's user, with the target's environment. */
  command: string[];
  /** Host files copied into that folder, by base name. */
  files: { name: string; hostPath: string }[];
  output: DetectorOutput;
  timeoutMs: number;
  /** Cap on stdout and on stderr, each. */
  maxOutputBytes: number;
}

export const DEFAULT_DETECTOR_TIMEOUT_MS = 120_000;
export const DEFAULT_DETECTOR_MAX_OUTPUT = 1 << 20;

/** A spec that can't be used: the message is one line naming the file, the field and the fix. */
export class DetectorSpecError extends Error {}

/**
 * `--detector SPEC`: a path to a spec file, or a bare name looked up as detectors/<name>.json in the repository.
 */
export async function resolveDetectorSpec(arg: string, repoRoot: string): Promise<string> {
  const asPath = path.resolve(arg);
  if (await isFile(asPath)) return asPath;
  if (/^[a-z0-9][a-z0-9-]*$/.test(arg)) {
    const named = path.join(repoRoot, 'detectors', `${arg}.json`);
    if (await isFile(named)) return named;
  }
  throw new DetectorSpecError(`--detector ${arg}: no such file, and no detectors/${arg}.json (give a spec file's path, or the name of one in detectors/)`);
}

export async function loadDetectorSpec(file: string): Promise<DetectorSpec> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new DetectorSpecError(`${file}: cannot read it (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  const spec = parseDetectorSpec(file, text);
  for (const f of spec.files)
    if (!(await isFile(f.hostPath))) throw new DetectorSpecError(`${file}: files: ${f.hostPath} does not exist (paths are relative to the spec's folder)`);
  return spec;
}

/** Checks a spec's fields; every problem is one line: file, field, what is wrong and what is allowed. */
export function parseDetectorSpec(file: string, text: string): DetectorSpec {
  const fail = (field: string, problem: string): never => {
    throw new DetectorSpecError(`${file}: ${field}: ${problem}`);
  };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return fail('(json)', (e as Error).message);
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return fail('(root)', 'must be an object');
  const r = raw as Record<string, unknown>;
  if (r.schema !== DETECTOR_SCHEMA) fail('schema', `must be "${DETECTOR_SCHEMA}"`);
  const name =
    typeof r.name === 'string' && /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(r.name)
      ? r.name
      : fail('name', 'must be letters, digits, . _ - (it names the detector in the reports)');
  const description = r.description === undefined ? '' : typeof r.description === 'string' ? r.description : fail('description', 'must be a string');
  const positive = (v: unknown, field: string, dflt: number): number =>
    v === undefined ? dflt : typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : fail(field, 'must be a whole number > 0');
  const timeoutMs = positive(r.timeoutSeconds, 'timeoutSeconds', DEFAULT_DETECTOR_TIMEOUT_MS / 1000) * 1000;
  const maxOutputBytes = positive(r.maxOutputBytes, 'maxOutputBytes', DEFAULT_DETECTOR_MAX_OUTPUT);
  const base = { name, description, file, timeoutMs, maxOutputBytes };
  if (r.builtin !== undefined) {
    if (r.builtin !== 'goverity') fail('builtin', 'the only built-in detector is "goverity"');
    for (const k of ['command', 'files', 'output']) if (r[k] !== undefined) fail(k, 'a builtin detector has no command, files or output');
    return { ...base, builtin: 'goverity', command: [], files: [], output: { json: true } };
  }
  const command =
    Array.isArray(r.command) && r.command.length > 0 && r.command.every((x) => typeof x === 'string' && x !== '')
      ? (r.command as string[])
      : fail('command', 'must be a non-empty array of strings (an argv, run in the copied folder)');
  const fileList =
    r.files === undefined
      ? []
      : Array.isArray(r.files) && r.files.every((x) => typeof x === 'string' && x !== '')
        ? (r.files as string[])
        : fail('files', 'must be an array of paths relative to the spec file');
  const files = fileList.map((f) => ({ name: path.basename(f), hostPath: path.resolve(path.dirname(file), f) }));
  const names = files.map((f) => f.name);
  const dup = names.find((n, i) => names.indexOf(n) !== i);
  if (dup) fail('files', `two files are named ${dup}: they are copied into one folder by base name`);
  if (names.includes('node')) fail('files', '"node" is taken: the harness copies its own Node there to end what the detector started');
  return { ...base, builtin: null, command, files, output: parseOutput(r.output, fail) };
}

function parseOutput(v: unknown, fail: (field: string, problem: string) => never): DetectorOutput {
  if (v === 'json') return { json: true };
  const o = v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  const codes = o?.exitCodes;
  if (!o || Object.keys(o).length !== 1 || !codes || typeof codes !== 'object' || Array.isArray(codes))
    return fail('output', 'must be "json" (a JSON object on stdout with a verdict) or { "exitCodes": { "0": "ready", "1": "broken" } }');
  const map: Record<string, Verdict> = {};
  for (const [k, verdict] of Object.entries(codes as Record<string, unknown>)) {
    if (!/^(0|[1-9][0-9]{0,2})$/.test(k) || Number(k) > 255) fail(`output.exitCodes.${k}`, 'keys are exit statuses, 0 to 255');
    if (!VERDICTS.includes(verdict as Verdict)) fail(`output.exitCodes.${k}`, `"${String(verdict)}" is not one of ${VERDICTS.join(', ')}`);
    map[k] = verdict as Verdict;
  }
  if (Object.keys(map).length === 0) fail('output.exitCodes', 'must map at least one exit status');
  return { exitCodes: map };
}

async function isFile(p: string): Promise<boolean> {
  return stat(p).then(
    (s) => s.isFile(),
    () => false,
  );
}
