import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Dockerode from 'dockerode';
import { afterAll, describe, expect, it } from 'vitest';
import type { FactSnapshot } from '../../../engine/facts/fact-snapshot.js';
import { redactSnapshot } from '../../../engine/facts/redact-snapshot.js';
import { buildReport } from '../../../engine/report/build-report.js';
import { DockerProvider, RUN_LABEL } from '../../../harness/providers/docker-provider.js';
import { WineProvider } from '../../../harness/providers/wine-provider.js';
import { compareJudgements, judgementOf, makeReproduceRoot } from '../../../harness/reproduce/round-trip-facts.js';
import { reproduceSnapshot } from '../../../harness/reproduce/reproduce-snapshot.js';
import { runScenario } from '../../../harness/runner/run-scenarios.js';
import { parseScenario } from '../../../harness/scenarios/load-scenarios.js';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const docker = new Dockerode();
const runId = `vitest-reproduce-hand-${process.pid}`;
const root = await makeReproduceRoot(await fs.mkdtemp(path.join(os.tmpdir(), 'goverity-reproduce-')), repoRoot);
const linux = new DockerProvider(docker, runId, root);
const wine = new WineProvider(docker, runId, root);
const ids: string[] = [];

const handWritten = async (name: string): Promise<FactSnapshot> =>
  JSON.parse(await fs.readFile(path.join(repoRoot, 'test/fixtures/snapshots/reproduce', `${name}.json`), 'utf8')) as FactSnapshot;

async function reproduce(facts: FactSnapshot, id: string) {
  ids.push(id);
  const snapshotFile = path.join(root, `${id}.json`);
  await fs.writeFile(snapshotFile, JSON.stringify(facts));
  const { scenarioFile, layer } = await reproduceSnapshot({ snapshotFile, id, repoRoot, root });
  return { scenario: parseScenario(scenarioFile, await fs.readFile(scenarioFile, 'utf8')), limits: layer.plan.limits };
}

afterAll(async () => {
  await Promise.all([linux[Symbol.asyncDispose](), wine[Symbol.asyncDispose]()]);
  const left = await docker.listContainers({ all: true, filters: { label: [`${RUN_LABEL}=${runId}`] } });
  const images = await docker.listImages({ filters: { reference: ids.map((id) => `goverity/scenario-${id}`) } });
  await Promise.all(
    images.map((i) =>
      docker
        .getImage(i.Id)
        .remove({ force: true })
        .catch(() => undefined),
    ),
  );
  await fs.rm(root, { recursive: true, force: true });
  expect(left.map((c) => c.Names[0])).toEqual([]);
});

describe.concurrent('reproducing snapshots from other systems', () => {
  it("a redacted macOS Homebrew snapshot runs on Linux with the snapshot's verdict; the codes it gains are listed limits", async () => {
    const facts = redactSnapshot(await handWritten('darwin-homebrew-private-proxy'));
    const { scenario, limits } = await reproduce(facts, 'hand-darwin-homebrew');
    const result = await runScenario(linux, scenario);
    expect(result.error?.message ?? null).toBeNull();
    expect(result.why).toEqual([]);
    expect(compareJudgements(judgementOf(buildReport(facts)), judgementOf(result.report!))).toEqual(['codes +CONTAINER +SIGNATURE_ABSENT']);
    expect(limits.join('\n')).toMatch(/not taken in a container; the reproduction is one, so it adds the CONTAINER finding/);
    expect(limits.join('\n')).toMatch(/code signatures are not reproduced/);
    expect(limits.join('\n')).toMatch(/macOS snapshot is reproduced on Linux/);
  });

  it("a redacted Windows MSI snapshot runs under Wine with the snapshot's verdict and provenance; the codes it gains are listed limits", async () => {
    const facts = redactSnapshot(await handWritten('windows-msi-private-proxy'));
    const { scenario, limits } = await reproduce(facts, 'hand-windows-msi');
    const result = await runScenario(wine, scenario);
    expect(result.error?.message ?? null).toBeNull();
    expect(result.why).toEqual([]);
    expect(compareJudgements(judgementOf(buildReport(facts)), judgementOf(result.report!))).toEqual(['codes +CONTAINER +SIGNATURE_ABSENT']);
    expect(limits.join('\n')).toMatch(/not taken in a container/);
    expect(limits.join('\n')).toMatch(/code signatures are not reproduced/);
    expect(limits.join('\n')).toMatch(/Windows is reproduced under Wine/);
  });

  it('sets hostile environment values exactly, with nothing run or expanded', async () => {
    const facts = JSON.parse(await fs.readFile(path.join(repoRoot, 'test/fixtures/snapshots/linux-debian-golang-go.json'), 'utf8')) as FactSnapshot;
    const hostile = { GOFLAGS: "a\"b$c`id`d\\e $(touch /pwned) ${HOME} 'q'", GOPRIVATE: '\\"; RUN touch /pwned2 #', GOTOOLCHAIN: 'local\\' };
    facts.env = { ...facts.env, ...hostile };
    const { scenario } = await reproduce(facts, 'hand-hostile-env');
    const image = await linux.prepare(scenario);
    await using t = await linux.start(scenario, image);
    const env = await t.environment();
    expect({ GOFLAGS: env.GOFLAGS, GOPRIVATE: env.GOPRIVATE, GOTOOLCHAIN: env.GOTOOLCHAIN }).toEqual(hostile);
    expect(await t.lstat('/pwned')).toBeNull();
    expect(await t.lstat('/pwned2')).toBeNull();
  });

  it("sets hostile Windows variables in Wine's registry exactly: cmd reads them back, nothing runs, %VAR% stays literal", async () => {
    const facts = await handWritten('windows-msi-private-proxy');
    // reg.exe re-parses a command line: quotes, a trailing backslash, switches and cmd metacharacters must stay data.
    const hostile = {
      GOFLAGS: "a\"b ^& echo x > C:\\pwned.txt | more %PATH% !x! 'q'",
      GONOSUMDB: '" /t REG_DWORD /d 1 /f',
      GOPRIVATE: 'C:\\dir\\',
      GOPROXY: '%SystemRoot%\\x',
    };
    facts.env = { ...facts.env, ...hostile };
    const { scenario } = await reproduce(facts, 'hand-hostile-win-env');
    const image = await wine.prepare(scenario);
    await using t = await wine.start(scenario, image);
    const env = await t.environment();
    expect({ GOFLAGS: env.GOFLAGS, GONOSUMDB: env.GONOSUMDB, GOPRIVATE: env.GOPRIVATE, GOPROXY: env.GOPROXY }).toEqual(hostile);
    expect(await t.lstat('C:\\pwned.txt')).toBeNull();
  });
});
