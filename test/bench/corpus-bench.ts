import os from 'node:os';
import path from 'node:path';
import Dockerode from 'dockerode';
import { DockerProvider } from '../../harness/providers/docker-provider.js';
import { planJobs, runScenarios } from '../../harness/runner/run-scenarios.js';
import { loadScenarios } from '../../harness/scenarios/load-scenarios.js';
import { IMAGE_ID_LABEL } from '../../harness/images/image-builder.js';
import { newProbeIdentity, probeFiles } from '../../engine/probes/probe-programs.js';

// Full-corpus wall time (warm; with --cold also every image rebuilt from nothing) against the floor:
// each scenario's bare go commands in a plain shell script, summed, divided by the cores.
const cold = process.argv.includes('--cold');
const repoRoot = path.resolve(import.meta.dirname, '../..');
const docker = new Dockerode();
const cores = os.availableParallelism();
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
// The docker tier's corpus: Windows scenarios run under the wine provider, benchmarked apart.
const scenarios = (await loadScenarios(path.join(repoRoot, 'scenarios'))).scenarios.filter((sc) => sc.platform === 'linux');

if (cold) {
  // Only images this project built (labelled, or the rootfs repositories it names), never anyone else's.
  const ours = (await docker.listImages()).filter((i) => i.Labels?.[IMAGE_ID_LABEL] || (i.RepoTags ?? []).some((t) => t.startsWith('goverity/base-')));
  for (const i of ours)
    await docker
      .getImage(i.Id)
      .remove({ force: true })
      .catch(() => undefined);
  console.log(`cold: removed ${ours.length} goverity images`);
}

const provider = new DockerProvider(docker, `bench-${process.pid}`, repoRoot);
const tBuild = performance.now();
const images = new Map<string, string>();
const queue = [...scenarios];
await Promise.all(
  Array.from({ length: cores }, async () => {
    for (let sc = queue.shift(); sc; sc = queue.shift()) images.set(sc.id, await provider.prepare(sc));
  }),
);
const buildWall = performance.now() - tBuild;
console.log(`${cold ? 'cold build of all images' : 'image check (builds only what is missing)'}: ${s(buildWall)} for ${new Set(images.values()).size} images`);

const t0 = performance.now();
const results = await runScenarios(planJobs(scenarios, [provider], ['agentless']).jobs, { concurrency: cores });
const warmWall = performance.now() - t0;
await provider[Symbol.asyncDispose]();
const phase = (k: 'buildMs' | 'startMs' | 'verifyMs' | 'stopMs') => median(results.map((r) => r.timings[k]));
console.log(`\nscenarios ${results.length}, passed ${results.filter((r) => r.pass).length}, cores ${cores}`);
console.log(`warm full corpus ${s(warmWall)}`);
console.log(`per-phase medians: build ${phase('buildMs')} ms, start ${phase('startMs')} ms, verify ${phase('verifyMs')} ms, stop ${phase('stopMs')} ms`);

const setup = Object.entries(probeFiles(newProbeIdentity()))
  .map(([f, c]) => `mkdir -p "$d/${path.dirname(f)}"; printf '%s' '${c.replace(/'/g, `'\\''`)}' > "$d/${f}"`)
  .join('\n');
const script = `d=$(mktemp -d)
${setup}
cd "$d"; s=$(date +%s%N)
# Bounded like the engine's probes: 20 s and 1 MiB of output a command.
t() { timeout -s KILL 20 sh -c '"$@" 2>&1 | head -c 1048576 >/dev/null' t "$@"; }
t go version; answered=$?; GOTOOLCHAIN=local t go version; t go env -json; GOENV=off t env -u GOROOT go env GOROOT
# The pipe stays inside the killed group: a child that outlives go must not hold the substitution open.
td=$(timeout -s KILL 20 sh -c 'go env GOTOOLDIR 2>/dev/null | head -c 4096 > /tmp/td'; cat /tmp/td 2>/dev/null); t "$td/compile" -V=full; t "$td/link" -V=full
# As the engine: no build budget for a go whose version did not answer (124/137: timed out).
if [ $answered -ne 124 ] && [ $answered -ne 137 ]; then
(cd pure && timeout -s KILL 180 sh -c 'go build -o ../p . 2>&1 | head -c 1048576 >/dev/null' && ../p >/dev/null)
(cd cgo && timeout -s KILL 180 sh -c 'go build -o ../c . 2>&1 | head -c 1048576 >/dev/null' && ../c >/dev/null)
fi
echo $(( ($(date +%s%N) - s) / 1000000 ))`;
let floorSum = 0;
for (const sc of scenarios) {
  const c = await docker.createContainer({
    Image: images.get(sc.id)!,
    Entrypoint: [],
    Cmd: ['sh', '-c', script],
    HostConfig: { NetworkMode: 'none', PidsLimit: 1024 },
    Labels: { 'goverity.bench': 'floor' },
  });
  try {
    await c.start();
    await c.wait();
    const logs = (await c.logs({ stdout: true })).toString('utf8');
    floorSum += Number(/(\d+)\s*$/.exec(logs.replace(/[^\x20-\x7e\n]/g, ''))?.[1] ?? 0);
  } finally {
    await c.remove({ force: true }).catch(() => undefined);
  }
}
const floor = floorSum / cores;
console.log(`floor            ${s(floor)} (bare go commands ${s(floorSum)} / ${cores} cores)`);
console.log(`ratio            ${(warmWall / floor).toFixed(2)} (target ≤ 1.20)`);
if (cold) console.log(`cold image build ${s(buildWall)} (target ≤ 600 s)`);
