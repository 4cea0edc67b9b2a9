import { promises as fs } from 'node:fs';
import path from 'node:path';
import { type FindingCode, isFindingCode } from '../../engine/checks/finding-codes.js';
import type { Scenario } from './scenario.js';
import { schemaIssue } from '../../engine/report/schema-problem.js';
import { ScenarioError } from './scenario-error.js';

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
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new ScenarioError(file, '(root)', 'must be an object');
  // Shapes and allowed values: schemas/scenario.schema.json; what a schema can't say (the file's name, the repository) below.
  const issue = schemaIssue('scenario', raw);
  if (issue) throw new ScenarioError(file, issue.field, issue.problem);
  const r = raw as ScenarioFile;
  if (path.basename(file, '.json') !== r.id) throw new ScenarioError(file, 'id', `"${r.id}" must match the file name`);
  const dockerfile = r.image.dockerfile;
  if (dockerfile && (path.isAbsolute(dockerfile) || dockerfile.split('/').includes('..')))
    throw new ScenarioError(file, 'image.dockerfile', 'must be a path inside the repository');
  const project = r.project;
  if (project !== undefined && !path.posix.isAbsolute(project) && !path.win32.isAbsolute(project))
    throw new ScenarioError(file, 'project', `"${project}" must be an absolute path inside the image`);
  const codes = (v: string[] | undefined, field: string): FindingCode[] => {
    const unknown = (v ?? []).filter((c) => !isFindingCode(c));
    if (unknown.length)
      throw new ScenarioError(file, field, `${unknown.map((c) => `"${c}"`).join(', ')} is not a finding code (the table: engine/checks/finding-codes.ts)`);
    return (v ?? []) as FindingCode[];
  };
  return {
    id: r.id,
    title: r.title,
    class: r.class,
    breaks: r.breaks,
    platform: r.platform ?? 'linux',
    seenAt: r.seenAt ?? [],
    ...(r.emulated === undefined ? {} : { emulated: r.emulated }),
    ...(r.installs === undefined ? {} : { installs: r.installs }),
    image: { from: r.image.from, dockerfile, ...(r.image.network === 'none' ? { network: 'none' as const } : {}) },
    ...(project !== undefined ? { project } : {}),
    ...(r.shell === true ? { shell: true } : {}),
    ...(r.online === true ? { online: true } : {}),
    expect: {
      verdict: r.expect.verdict,
      authentic: r.expect.authentic,
      provenance: r.expect.provenance,
      codes: codes(r.expect.codes, 'expect.codes'),
      forbidden: codes(r.expect.forbidden, 'expect.forbidden'),
      noErrors: r.expect.noErrors === true,
    },
    file,
  };
}

/** A scenario file as the schema admits it: optional fields still optional. */
type ScenarioFile = Omit<Scenario, 'file' | 'platform' | 'seenAt' | 'expect'> & {
  platform?: Scenario['platform'];
  seenAt?: string[];
  expect: Omit<Scenario['expect'], 'codes' | 'forbidden'> & { codes?: string[]; forbidden?: string[] };
};
