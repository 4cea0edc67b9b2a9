import path from 'node:path';
import Dockerode from 'dockerode';
import { ImageBuilder } from '../../harness/images/image-builder.js';
import { collectFacts } from '../../engine/probes/collect-facts.js';
import { buildReport } from '../../engine/report/build-report.js';
import { DockerTransport } from '../../engine/transport/docker-transport.js';
import { newProbeIdentity, probeFiles } from '../../engine/probes/probe-programs.js';

// Engine verify time for a docker-image target against the floor: the same go commands, back to back, in one plain shell script.
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const IMAGE_ID = process.env.BENCH_IMAGE ?? 'go-1.22';
const repoRoot = path.resolve(import.meta.dirname, '../..');
const docker = new Dockerode();
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const setup = Object.entries(probeFiles(newProbeIdentity()))
  .map(([f, c]) => `mkdir -p "$d/${path.dirname(f)}" && printf '%s' '${c.replace(/'/g, `'\\''`)}' > "$d/${f}"`)
  .join('\n');
const floorScript = `set -e
d=$(mktemp -d)
${setup}
cd "$d"
go version; GOTOOLCHAIN=local go version; go env -json >/dev/null; env -u GOROOT GOENV=off go env GOROOT
t=$(go env GOTOOLDIR); "$t/compile" -V=full; "$t/link" -V=full
(cd pure && go build -o ../pure.bin . && ../pure.bin)
(cd cgo && go build -o ../cgo.bin . && ../cgo.bin)
`;

async function floorOnce(image: string): Promise<number> {
  const t0 = performance.now();
  const c = await docker.createContainer({
    Image: image,
    Entrypoint: [],
    Cmd: ['sh', '-c', floorScript],
    HostConfig: { NetworkMode: 'none' },
    Labels: { 'goverity.bench': 'floor' },
  });
  try {
    await c.start();
    const { StatusCode } = (await c.wait()) as { StatusCode: number };
    if (StatusCode !== 0) throw new Error(`floor script failed with ${StatusCode}`);
  } finally {
    await c.remove({ force: true });
  }
  return performance.now() - t0;
}

async function engineOnce(image: string): Promise<{ ms: number; timings: Record<string, number> }> {
  const t0 = performance.now();
  let timings: Record<string, number> = {};
  {
    await using t = await DockerTransport.fromImage(docker, image, { 'goverity.bench': 'engine' });
    const facts = await collectFacts(t);
    const report = buildReport(facts);
    if (report.verdict !== 'ready') throw new Error(`expected ready, got ${report.verdict}`);
    timings = facts.timings;
  }
  return { ms: performance.now() - t0, timings };
}

const image = await new ImageBuilder({ docker, repoRoot }).ensure(IMAGE_ID);
console.log(`image ${image}, ${RUNS} runs each, alternating (engine includes container start and removal, as does the floor)`);
const floor: number[] = [];
const engine: number[] = [];
const phases: Record<string, number[]> = {};
for (let i = 0; i < RUNS; i++) {
  floor.push(await floorOnce(image));
  const e = await engineOnce(image);
  engine.push(e.ms);
  for (const [k, v] of Object.entries(e.timings)) (phases[k] ??= []).push(v);
  console.log(`run ${i + 1}: floor ${(floor.at(-1)! / 1000).toFixed(2)} s, engine ${(e.ms / 1000).toFixed(2)} s`);
}
const f = median(floor);
const e = median(engine);
console.log(`\nfloor median  ${(f / 1000).toFixed(2)} s`);
console.log(`engine median ${(e / 1000).toFixed(2)} s`);
console.log(`ratio         ${(e / f).toFixed(2)} (target ≤ 1.10)`);
console.log('\nwhere the engine spends its time (median ms; probes overlap, so they do not add up):');
for (const [k, v] of Object.entries(phases).sort((a, b) => median(b[1]) - median(a[1]))) console.log(`  ${k.padEnd(14)} ${String(median(v)).padStart(6)}`);
