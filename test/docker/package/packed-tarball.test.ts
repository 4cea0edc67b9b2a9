// The package as a user gets it: `npm pack`, installed into a fresh project beside vitest and TypeScript; its public
// API and goverity/testing typecheck under strict, the examples/ test runs there against real containers, and the CLI answers.
import { execa } from 'execa';
import { readFileSync } from 'node:fs';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeBinary, OTHER_NODE_MAJORS } from './node-binary.js';

const ROOT = path.resolve(import.meta.dirname, '../../..');
// The same versions the repository tests with, so npm finds them in its cache.
const dev = (name: string) => (JSON.parse(readFileSync(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;

let project: string;

beforeAll(async () => {
  project = await mkdtemp(path.join(tmpdir(), 'goverity-packed-'));
  // The build is npm test's pretest; scripts are off so packing doesn't build again.
  const pack = await execa('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', project], { cwd: ROOT });
  const tarball = path.join(project, (JSON.parse(pack.stdout) as { filename: string }[])[0]!.filename);
  await writeFile(path.join(project, 'package.json'), JSON.stringify({ name: 'user-project', private: true, type: 'module' }));
  await execa(
    'npm',
    [
      'install',
      '--no-audit',
      '--no-fund',
      '--prefer-offline',
      tarball,
      `vitest@${dev('vitest')}`,
      `typescript@${dev('typescript')}`,
      `@types/node@${dev('@types/node')}`,
    ],
    { cwd: project },
  );
  await writeFile(
    path.join(project, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        lib: ['ES2022', 'ESNext.Disposable'],
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        strict: true,
        noEmit: true,
        types: ['node'],
      },
    }),
  );
  await copyFile(path.join(ROOT, 'examples', 'verify-a-scenario.test.ts'), path.join(project, 'verify-a-scenario.test.ts'));
  // Types a user relies on: the public API's, and the matchers' on vitest's expect (an unknown verdict must not typecheck).
  await writeFile(
    path.join(project, 'types.ts'),
    [
      "import { verify, type Report, type FindingCode } from 'goverity';",
      "import { goverityMatchers, ScenarioContainer } from 'goverity/testing';",
      "import { expect } from 'vitest';",
      'expect.extend(goverityMatchers);',
      "const report: Report = await verify('local');",
      "const code: FindingCode = 'GO_STUB';",
      "expect(report).toHaveFinding(code, 'error');",
      '// @ts-expect-error: not a verdict',
      "expect(report).toHaveVerdict('readyish');",
      "export const container: ScenarioContainer = new ScenarioContainer('stub-script');",
      '',
    ].join('\n'),
  );
}, 600_000);

afterAll(async () => {
  if (project) await rm(project, { recursive: true, force: true });
});

describe('the packed package in a fresh project', () => {
  it('typechecks goverity and goverity/testing under strict', async () => {
    const r = await execa('npx', ['tsc', '-p', '.'], { cwd: project, reject: false });
    expect(r.stdout + r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
  });

  it('runs the examples/ test: corpus scenarios started through testcontainers, judged with the matchers', async () => {
    expect(await runExamples(process.execPath)).toEqual(EXAMPLES_PASSED);
  });

  it("answers as a CLI: verify --json of this machine's Go, and --version", async () => {
    const v = await execa('npx', ['goverity', '--version'], { cwd: project });
    expect(v.stdout).toMatch(/^goverity \d+\.\d+\.\d+/);
    const r = await execa('npx', ['goverity', 'verify', '--json', '--no-shell'], { cwd: project, reject: false });
    const report = JSON.parse(r.stdout) as { schema: string; verdict: string };
    expect(report.schema).toBe('goverity/report@1');
    expect(['ready', 'degraded', 'broken', 'absent']).toContain(report.verdict);
  });
});

describe.each(OTHER_NODE_MAJORS)('the packed package on Node %i', (major) => {
  it('runs the examples/ test, verify --json and inspect --json', async () => {
    const node = await nodeBinary(major);
    expect((await execa(node, ['--version'])).stdout).toMatch(new RegExp(`^v${major}\\.`));
    expect(await runExamples(node)).toEqual(EXAMPLES_PASSED);
    const cli = path.join(project, 'node_modules', 'goverity', 'bin', 'goverity.js');
    const r = await execa(node, [cli, 'verify', '--json', '--no-shell'], { cwd: project, reject: false });
    expect((JSON.parse(r.stdout) as { schema: string }).schema).toBe('goverity/report@1');
    const inspected = JSON.parse((await execa(node, [cli, 'inspect', '--json', node], { cwd: project })).stdout) as { format: string; go: unknown }[];
    expect(inspected).toMatchObject([{ format: 'elf', go: null }]);
  });
});

const EXAMPLES_PASSED = [
  'passed: judges a genuine Debian Go ready',
  'passed: is not fooled by a script that prints a Go version',
  'passed: verifies any container testcontainers started',
];

/** The examples/ test run by that node in the user's project: each test's status and title, with a failure's first line. */
async function runExamples(node: string): Promise<string[]> {
  const out = path.join(project, 'vitest.json');
  await rm(out, { force: true });
  const r = await execa(node, [path.join(project, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--reporter=json', `--outputFile=${out}`], {
    cwd: project,
    reject: false,
  });
  const text = await readFile(out, 'utf8').catch(() => null);
  if (text === null) return [`no results (exit ${r.exitCode}): ${r.stderr.split('\n').slice(-3).join(' ')}`];
  const results = JSON.parse(text) as { testResults: { assertionResults: { title: string; status: string; failureMessages: string[] }[] }[] };
  return results.testResults.flatMap((f) =>
    f.assertionResults.map((a) => `${a.status}: ${a.title}${a.failureMessages[0] ? ` (${a.failureMessages[0].split('\n')[0]})` : ''}`),
  );
}
