import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { convergeCommand } from '../../cli/converge-command.js';
import type { ConvergenceDocument } from '../../harness/converge/convergence-document.js';
import { vmToolsMissing } from '../../harness/vm/vm-tools.js';

// The slow tier: two VMs with 4 virtual CPUs, more than this host's cores, so a 1-CPU quota has room to lower GOMAXPROCS.
const repoRoot = path.resolve(import.meta.dirname, '../..');
const missing = await vmToolsMissing();
if (missing) console.warn(`vm tier skipped: ${missing}`);

describe.skipIf(missing !== null)('goverity converge in VMs', () => {
  const results = mkdtempSync(path.join(os.tmpdir(), 'goverity-converge-vm-'));
  let doc: ConvergenceDocument;
  let exitCode: number;
  const value = (env: string, behaviour: string) => {
    const o = doc.environments.find((e) => e.id === env)!.observations[behaviour]!;
    return o.state === 'ok' ? o.value : `${o.state}: ${o.detail}`;
  };

  beforeAll(async () => {
    exitCode = await convergeCommand(['--env', 'vm-*,go-1.24', '--results', results, '--concurrency', '2'], repoRoot);
    doc = JSON.parse(readFileSync(path.join(results, 'latest', 'convergence.json'), 'utf8')) as ConvergenceDocument;
  });
  afterAll(() => rmSync(results, { recursive: true, force: true }));

  it('runs both VMs beside a container, with nothing failed or unexplained', () => {
    expect(doc.environments.map((e) => `${e.id}: ${e.error ?? 'ran'}`)).toEqual(['go-1.24: ran', 'vm-go-1.24: ran', 'vm-go-1.27: ran']);
    expect([
      ...doc.matrix.failures.map((f) => `${f.behaviour} on ${f.env}: ${f.detail}`),
      ...doc.matrix.divergences.filter((d) => !d.explanation).map((d) => `${d.behaviour} on ${d.env}: ${d.value}`),
    ]).toEqual([]);
    expect(exitCode).toBe(0);
  });

  it('Go 1.27 lowers GOMAXPROCS to 2 under a 1-CPU cgroup limit; Go 1.24 keeps all 4 CPUs', () => {
    expect(value('vm-go-1.27', 'runtime.NumCPU')).toBe('4');
    expect(value('vm-go-1.27', 'runtime.GOMAXPROCS')).toBe('= NumCPU');
    expect(value('vm-go-1.27', 'runtime.GOMAXPROCS --cpus 1')).toBe('2 (NumCPU 4)');
    expect(value('vm-go-1.24', 'runtime.GOMAXPROCS --cpus 1')).toBe('= NumCPU');
    expect(value('vm-go-1.24', 'runtime.NumCPU --cpus 1')).toBe('4');
  });

  it('a VM and a container of the same image agree on everything but the CPUs they were given', () => {
    const vm = doc.environments.find((e) => e.id === 'vm-go-1.24')!.observations;
    const container = doc.environments.find((e) => e.id === 'go-1.24')!.observations;
    const differ = Object.keys(container).filter((k) => !k.startsWith('runtime.NumCPU') && vm[k]?.value !== container[k]!.value);
    expect(differ).toEqual([]);
  });
});
