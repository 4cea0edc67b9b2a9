import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

/** Where the probe programs live: one Go module, one small program per directory. */
export const PROBES_DIR = 'harness/converge/probes';

/** The probe module's files (go.mod and every *.go), relative path with / → content, as copied into each environment. */
export async function loadProbeSources(repoRoot: string): Promise<Record<string, string>> {
  const dir = path.join(repoRoot, PROBES_DIR);
  const names = (await readdir(dir, { recursive: true }))
    .map((n) => n.split(path.sep).join('/'))
    .filter((n) => n === 'go.mod' || n.endsWith('.go'))
    .sort();
  if (!names.includes('go.mod') || !names.some((n) => n.endsWith('/main.go'))) throw new Error(`${dir} holds no Go probe programs (go.mod and */main.go)`);
  const out: Record<string, string> = {};
  for (const n of names) out[n] = await readFile(path.join(dir, n), 'utf8');
  return out;
}

/** The programs: the directories with a main.go, which `go build -o bin ./...` turns into bin/<dir>. */
export function probePrograms(sources: Record<string, string>): string[] {
  return Object.keys(sources)
    .filter((n) => /^[a-z]+\/main\.go$/.test(n))
    .map((n) => n.split('/')[0]!)
    .sort();
}
