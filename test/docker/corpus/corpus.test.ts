import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Dockerode from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FactSnapshot } from '../../../engine/facts/fact-snapshot.js';
import { DockerProvider, RUN_LABEL } from '../../../harness/providers/docker-provider.js';
import type { Provider } from '../../../harness/providers/provider.js';
import { WineProvider } from '../../../harness/providers/wine-provider.js';
import { makeReproduceRoot, roundTripFacts } from '../../../harness/reproduce/round-trip-facts.js';
import { runScenario } from '../../../harness/runner/run-scenarios.js';
import type { ScenarioResult } from '../../../harness/runner/run-summary.js';
import { loadScenarios } from '../../../harness/scenarios/load-scenarios.js';
import type { Scenario } from '../../../harness/scenarios/scenario.js';

/**
 * Scenarios whose snapshot does not hold what their verdict rests on, and why. Each must still fail to round-trip
 * (or it is taken off this list) and its reproduction must list the reason among its limits.
 */
const CANNOT_ROUND_TRIP: Record<string, { reason: string; limit: RegExp | null }> = {
  'asdf-resolves': {
    reason: "asdf's own program (~/.asdf/bin/asdf), which the shim runs, is not in a snapshot",
    limit: /runs \/root\/\.asdf\/bin\/asdf, which the snapshot does not describe/,
  },
  'goenv-resolves': {
    reason: "goenv's own program (~/.goenv/libexec/goenv), which the shim runs, is not in a snapshot",
    limit: /runs \/root\/\.goenv\/libexec\/goenv, which the snapshot does not describe/,
  },
  'managers-fighting': {
    reason: 'the asdf and goenv programs its two shims run are not in a snapshot',
    limit: /runs \/root\/\.asdf\/bin\/asdf, which the snapshot does not describe/,
  },
  'win-fake-go-exe': {
    reason: 'a Windows program that is not Go (hostname.exe saved as go.exe) is known only by its format',
    limit: /C:\\tools\\go\.exe is a program the snapshot can't rebuild \(pe\)/,
  },
  'win-go-exe-signature-tampered': {
    reason: "a signature is the signer's: the reproduction's go.exe is an unsigned build",
    limit: /code signatures are not reproduced: the snapshot's go has an authenticode signature/,
  },
  'win-go-exe-resigned': {
    reason: "a self-made signer can't be carried over: the reproduction's go.exe is an unsigned build",
    limit: /code signatures are not reproduced: the snapshot's go has an authenticode signature/,
  },
  'project-toolchain-in-modcache': {
    reason: 'go1.26.8 and the go1.27.3 go fetched into the module cache: no base image has both releases',
    limit: /2 releases \(go1\.2\d\.\d+, go1\.2\d\.\d+\) are reproduced by/,
  },
  'official-gotoolchain-modcache': {
    reason: 'go1.26.8 and the go1.27.3 go fetched into the module cache: no base image has both releases',
    limit: /2 releases \(go1\.2\d\.\d+, go1\.2\d\.\d+\) are reproduced by/,
  },
  'official-sdk-golang-dl': {
    reason: "golang.org/dl's go1.26.8 beside the module cache's go1.27.3: no base image has both releases",
    limit: /2 releases \(go1\.2\d\.\d+, go1\.2\d\.\d+\) are reproduced by/,
  },
  'official-toolchain-cache-on-path': {
    reason: "the module cache's go1.27.3 beside the release's go1.26.8: no base image has both releases",
    limit: /2 releases \(go1\.2\d\.\d+, go1\.2\d\.\d+\) are reproduced by/,
  },
  'cc-cross-compiler': {
    reason: 'a cross C compiler is stood in for by the native gcc',
    limit: /the C compiler \/usr\/bin\/aarch64-linux-gnu-gcc is stood in for by/,
  },
  'debian-tampered-src': {
    reason: "dpkg's record of a changed file is not recreated: the reproduction's packages are as installed",
    limit: /dpkg --verify found 1 changed file/,
  },
  'mise-resolves': {
    reason: "mise's own program (~/.local/bin/mise), which its shims link to, is not in a snapshot",
    limit: /\/root\/\.local\/bin\/mise is a program the snapshot can't rebuild/,
  },
  'mise-project-version-missing': {
    reason: "mise's own program, and the project whose pin it cannot resolve, are not in a snapshot",
    limit: /\/root\/\.local\/bin\/mise is a program the snapshot can't rebuild/,
  },
  'online-proxy-refuses': {
    reason: 'what the proxy answered (a refused connection) belongs to the network: the reproduction is verified offline',
    limit: /the answers of GOPROXY and the checksum database \(verify --online\) are not reproduced/,
  },
  'tampered-modcache-toolchain': {
    reason: "a file changed in the module cache's toolchain after go unpacked it is not changed in the reproduction",
    limit: /files of golang\.org\/toolchain@v0\.0\.1-go1\.27\.3\.linux-amd64 that differ from the checksum database's record/,
  },
  'goroot-stripped': { reason: 'standard packages and vet missing from GOROOT are not removed in the reproduction', limit: /missing standard packages or vet/ },
  'gowork-too-new': { reason: 'the go.work that GOWORK names is not written in the reproduction', limit: /the go\.work GOWORK names/ },
  'go-rebuilt-trimpath': {
    reason: "a go rebuilt with -trimpath but without make.bash's flags is reproduced by the release build",
    limit: /the go binary's own build \(-trimpath without make\.bash's -gcflags/,
  },
  // The snapshot's GOCACHE under HOME=/nonexistent is not reported unwritable (it does not exist), so no limit names it yet.
  'gocache-nobody-home': { reason: 'a GOCACHE under a HOME that does not exist: the reproduction makes its HOME anew', limit: null },
  'win-user-path-stale-go': {
    reason: "the process environment that differs from the registry is an emulation the snapshot can't tell from the registry's",
    limit: /the registry's environment, which differs from this process's, is not reproduced/,
  },
  'go-program-named-go': {
    reason: 'a Go program other than cmd/go is known only by its build info, which is not enough to rebuild it',
    limit: /example\.com\/fakego\): not reproduced/,
  },
};

/**
 * The round trips are their own tier (`npm run test:roundtrip`, the vitest project `roundtrip`, which sets this variable):
 * they double the corpus's containers and add an image build per scenario, and `npm test` had reached 83 minutes warm.
 */
const ROUND_TRIP = process.env.GOVERITY_CORPUS_ROUND_TRIP === '1';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const loaded = await loadScenarios(path.join(repoRoot, 'scenarios'));
const docker = new Dockerode();
const runId = `vitest-corpus-${process.pid}`;
// Reproductions are written here, never into the repository; their layers build FROM the repository's images.
const root = await makeReproduceRoot(await fs.mkdtemp(path.join(os.tmpdir(), 'goverity-round-trip-')), repoRoot);
const providers = {
  linux: { original: new DockerProvider(docker, runId, repoRoot), reproduced: new DockerProvider(docker, runId, root) },
  windows: { original: new WineProvider(docker, runId, repoRoot), reproduced: new WineProvider(docker, runId, root) },
} satisfies Record<Scenario['platform'], { original: Provider; reproduced: Provider }>;
const scenarios = loaded.scenarios;
const reproducedId = (s: Scenario) => `rt-${s.id}`;

/** Each scenario runs once: its judgement is checked by one test and its snapshot reproduced by the next. */
const originals = new Map<string, Promise<{ result: ScenarioResult; facts: FactSnapshot | null }>>();
function original(s: Scenario) {
  let run = originals.get(s.id);
  if (!run) {
    let facts: FactSnapshot | null = null;
    run = runScenario(providers[s.platform].original, s, { onFacts: (_id, _p, f) => void (facts = f) }).then((result) => ({ result, facts }));
    originals.set(s.id, run);
  }
  return run;
}

describe(`the scenario corpus (linux in containers, windows under Wine)${ROUND_TRIP ? ', with round trips' : ''}`, () => {
  beforeAll(async () => {
    // Build every image up front, two at a time; the builder memoizes them, so each test's prepare is a cache hit.
    const queue = [...scenarios];
    const worker = async () => {
      for (let s = queue.shift(); s; s = queue.shift()) await providers[s.platform].original.prepare(s).catch(() => undefined);
    };
    await Promise.all(Array.from({ length: Math.min(2, os.availableParallelism()) }, worker));
    // On a machine with no images this builds them all (rootfs, toolchains, Wine, ~130 layers): seen to pass the 20 min
    // hook default on a fresh machine, which skipped the whole corpus. Warm, it is a few seconds of tag lookups.
  }, 80 * 60_000);

  afterAll(async () => {
    await Promise.all(Object.values(providers).flatMap((p) => [p.original[Symbol.asyncDispose](), p.reproduced[Symbol.asyncDispose]()]));
    const left = await docker.listContainers({ all: true, filters: { label: [`${RUN_LABEL}=${runId}`] } });
    // The reproductions' images are this run's alone (their layers come from a temp dir): remove them.
    const images = await docker.listImages({ filters: { reference: scenarios.map((s) => `goverity/scenario-${reproducedId(s)}`) } });
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

  it('has no malformed scenario files, both platforms, and lists only scenarios that exist as unable to round-trip', () => {
    expect(loaded.errors.map((e) => e.message)).toEqual([]);
    expect(scenarios.filter((s) => s.platform === 'windows').length).toBeGreaterThanOrEqual(8);
    expect(scenarios.filter((s) => s.platform === 'linux').length).toBeGreaterThanOrEqual(50);
    expect(Object.keys(CANNOT_ROUND_TRIP).filter((id) => !scenarios.some((s) => s.id === id))).toEqual([]);
  });

  describe.concurrent.each(scenarios.map((s) => [s.id, s] as [string, Scenario]))('%s', (_id, s) => {
    it(`is judged ${s.expect.verdict.join(' or ')}${s.expect.codes.length ? ` with ${s.expect.codes.join(', ')}` : ''}`, async () => {
      const { result } = await original(s);
      expect(result.error?.message ?? null).toBeNull();
      expect(
        result.why,
        JSON.stringify(
          result.report?.findings.map((f) => `${f.code}: ${f.message}`),
          null,
          1,
        ),
      ).toEqual([]);
      expect(s.expect.verdict).toContain(result.report!.verdict);
      expect(result.report!.target).toMatch(s.platform === 'windows' ? /^wine-image:/ : /^docker-image:/);
    });

    const known = CANNOT_ROUND_TRIP[s.id];
    if (!ROUND_TRIP) return;
    it(
      known ? `can't round-trip: ${known.reason}` : 'round-trips: snapshot → reproduce → run gives the same verdict, authenticity, provenance and codes',
      async () => {
        const { facts } = await original(s);
        expect(facts, 'the original run collected no snapshot').not.toBeNull();
        const rt = await roundTripFacts(s, facts!, { reproducedOn: providers[s.platform].reproduced, repoRoot, root, id: reproducedId(s) });
        expect(rt.error).toBeNull();
        if (known) {
          expect(rt.differences).not.toEqual([]);
          expect(!known.limit || rt.limits.some((l) => known.limit!.test(l)), rt.limits.join('\n')).toBe(true);
        } else {
          expect(rt.differences, `limits: ${rt.limits.join('; ') || 'none'}`).toEqual([]);
        }
      },
    );
  });
});
