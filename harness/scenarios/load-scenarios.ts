import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Scenario } from './scenario.js';
import { ScenarioError } from './scenario-error.js';

const VERDICTS = ['ready', 'degraded', 'broken', 'absent'];
const CLASSES = ['genuine', 'degraded', 'broken', 'fake', 'absent'];
const PLATFORMS = ['linux', 'windows'];

/** Reads every scenarios/*.json; a bad file becomes an error entry and the others still load. */
export async function loadScenarios(dir: string): Promise<{ scenarios: Scenario[]; errors: ScenarioError[] }> {
  const files = (await fs.readdir(dir)).filter((f) => f.endsWith('.json')).sort();
  const scenarios: Scenario[] = [];
  const errors: ScenarioError[] = [];
  for (const f of files) {
    const file = path.join(dir, f);
    try {
      scenarios.push(parseScenario(file, await fs.readFile(file, 'utf8')));
    } catch (e) {
      errors.push(e instanceof ScenarioError ? e : new ScenarioError(file, '(file)', (e as Error).message));
    }
  }
  return { scenarios, errors };
}

export function parseScenario(file: string, text: string): Scenario {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new ScenarioError(file, '(json)', (e as Error).message);
  }
  const fail = (field: string, problem: string): never => {
    throw new ScenarioError(file, field, problem);
  };
  const obj = (v: unknown, field: string): Record<string, unknown> =>
    v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : fail(field, 'must be an object');
  const str = (v: unknown, field: string): string => (typeof v === 'string' && v.length > 0 ? v : fail(field, 'must be a non-empty string'));
  const strs = (v: unknown, field: string): string[] =>
    Array.isArray(v) && v.every((x) => typeof x === 'string') ? (v as string[]) : fail(field, 'must be an array of strings');
  const r = obj(raw, '(root)');
  const id = str(r.id, 'id');
  if (!/^[a-z0-9][a-z0-9-]*$/.test(id)) fail('id', `"${id}" must be lower-case letters, digits and dashes`);
  if (path.basename(file, '.json') !== id) fail('id', `"${id}" must match the file name`);
  const cls = str(r.class, 'class');
  if (!CLASSES.includes(cls)) fail('class', `"${cls}" is not one of ${CLASSES.join(', ')}`);
  const platform = r.platform === undefined ? 'linux' : str(r.platform, 'platform');
  if (!PLATFORMS.includes(platform)) fail('platform', `"${platform}" is not one of ${PLATFORMS.join(', ')}`);
  const image = obj(r.image, 'image');
  const expect = obj(r.expect, 'expect');
  const verdict = strs(expect.verdict, 'expect.verdict');
  if (verdict.length === 0) fail('expect.verdict', 'must name at least one verdict');
  for (const v of verdict) if (!VERDICTS.includes(v)) fail('expect.verdict', `"${v}" is not one of ${VERDICTS.join(', ')}`);
  if (expect.authentic !== undefined && expect.authentic !== null && typeof expect.authentic !== 'boolean') fail('expect.authentic', 'must be true, false or null');
  const dockerfile = image.dockerfile === undefined ? undefined : str(image.dockerfile, 'image.dockerfile');
  if (dockerfile && (path.isAbsolute(dockerfile) || dockerfile.split('/').includes('..'))) fail('image.dockerfile', 'must be a path inside the repository');
  if (image.network !== undefined && image.network !== 'none') fail('image.network', 'must be "none" (an offline build) or left out');
  const project = r.project === undefined ? undefined : str(r.project, 'project');
  if (project !== undefined && !path.posix.isAbsolute(project) && !path.win32.isAbsolute(project)) fail('project', `"${project}" must be an absolute path inside the image`);
  return {
    id,
    title: str(r.title, 'title'),
    class: cls as Scenario['class'],
    breaks: str(r.breaks, 'breaks'),
    platform: platform as Scenario['platform'],
    seenAt: r.seenAt === undefined ? [] : strs(r.seenAt, 'seenAt'),
    ...(r.emulated === undefined ? {} : { emulated: str(r.emulated, 'emulated') }),
    ...(r.installs === undefined ? {} : { installs: strs(r.installs, 'installs') }),
    image: { from: str(image.from, 'image.from'), dockerfile, ...(image.network === 'none' ? { network: 'none' as const } : {}) },
    ...(project !== undefined ? { project } : {}),
    expect: {
      verdict: verdict as Scenario['expect']['verdict'],
      authentic: expect.authentic as boolean | null | undefined,
      provenance: expect.provenance === undefined ? undefined : (obj(expect.provenance, 'expect.provenance') as Scenario['expect']['provenance']),
      codes: strs(expect.codes ?? [], 'expect.codes'),
      forbidden: strs(expect.forbidden ?? [], 'expect.forbidden'),
      noErrors: expect.noErrors === true,
    },
    file,
  };
}
