import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONVERGE_BEHAVIOURS } from '../../../harness/converge/converge-behaviours.js';
import { CONVERGE_ENVIRONMENTS, DEFAULT_CONVERGE_ENVIRONMENTS } from '../../../harness/converge/converge-environments.js';
import { KNOWN_DIVERGENCES } from '../../../harness/converge/known-divergences.js';
import { loadProbeSources, PROBES_DIR, probePrograms } from '../../../harness/converge/load-probe-sources.js';
import { probeGoMod } from '../../../harness/converge/run-environment.js';
import { IMAGE_CATALOG } from '../../../harness/images/image-catalog.js';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const sources = await loadProbeSources(repoRoot);

describe('the convergence catalog', () => {
  it('has one small program per probe directory, and every row is printed by the program it names', () => {
    expect(probePrograms(sources)).toEqual(['cpu', 'lookpath', 'paths', 'runtimeinfo', 'signals']);
    for (const b of CONVERGE_BEHAVIOURS) {
      if (b.program === 'go') continue;
      const program = Object.entries(sources)
        .filter(([n]) => n.startsWith(`${b.program}/`))
        .map(([, s]) => s)
        .join('\n');
      expect(program, `${b.id} comes from ${PROBES_DIR}/${b.program}`).toContain(`"${b.id.split(' ')[0]}`);
    }
  });

  it('keeps row ids unique and explains only rows that exist, each with a Go doc or source link', () => {
    const ids = CONVERGE_BEHAVIOURS.map((b) => b.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const k of KNOWN_DIVERGENCES) {
      expect(ids).toContain(k.behaviour);
      expect(k.link).toMatch(/^https:\/\/(go\.dev|pkg\.go\.dev|learn\.microsoft\.com|github\.com\/golang)\//);
      expect(CONVERGE_BEHAVIOURS.find((b) => b.id === k.behaviour)!.kind).toBe('compare');
    }
  });

  it('spans at least 8 environments, Windows and arm64 among them, each on an image the harness builds', () => {
    const envIds = CONVERGE_ENVIRONMENTS.map((e) => e.id);
    expect(new Set(envIds).size).toBe(envIds.length);
    expect(envIds.length).toBeGreaterThanOrEqual(8);
    expect(CONVERGE_ENVIRONMENTS.some((e) => e.os === 'windows')).toBe(true);
    expect(CONVERGE_ENVIRONMENTS.some((e) => e.arch === 'arm64')).toBe(true);
    const images = new Set(IMAGE_CATALOG.map((i) => i.id));
    for (const e of CONVERGE_ENVIRONMENTS) expect(images.has(e.image), `${e.id} runs on ${e.image}`).toBe(true);
    // The VM tier is opt-in (slow, needs QEMU); everything else runs by default.
    expect(CONVERGE_ENVIRONMENTS.filter((e) => !DEFAULT_CONVERGE_ENVIRONMENTS.includes(e)).map((e) => `${e.id} ${e.host}`)).toEqual([
      'vm-go-1.24 vm',
      'vm-go-1.27 vm',
    ]);
    // Every Debian Go toolchain image is a column.
    for (const i of IMAGE_CATALOG.filter((x) => /^go-1\.\d+$/.test(x.id))) expect(CONVERGE_ENVIRONMENTS.map((e) => e.image)).toContain(i.id);
  });

  it("builds the probes at the building toolchain's language version: that go line picks the GODEBUG defaults", () => {
    const env = CONVERGE_ENVIRONMENTS.find((e) => e.id === 'go-1.27')!;
    expect(probeGoMod(env)).toBe('module goverity.dev/converge-probe\n\ngo 1.27\n');
    expect(probeGoMod(CONVERGE_ENVIRONMENTS.find((e) => e.compiler === 'gccgo')!)).toContain('\ngo 1.18\n');
    expect(readFileSync(path.join(repoRoot, PROBES_DIR, 'go.mod'), 'utf8')).toContain('module goverity.dev/converge-probe');
  });
});
