import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_CHECKS } from '../../../engine/checks/all-checks.js';
import { FINDING_CODES } from '../../../engine/checks/finding-codes.js';
import { clone, fixtureNames, loadSnapshot } from '../snapshot-builders.js';

const CHECKS_DIR = path.resolve(import.meta.dirname, '../../../engine/checks');
/** Files in engine/checks that are not checks: the list, the types and the shared derivations. */
const HELPERS = new Set([
  'all-checks',
  'finding',
  'finding-codes',
  'go-said',
  'login-shell-view',
  'release-checksum-problem',
  'toolchain-view',
  'version-manager',
  'windows-variable-fix',
]);
const checkFiles = readdirSync(CHECKS_DIR)
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
  .map((f) => f.slice(0, -3))
  .filter((n) => !HELPERS.has(n))
  .sort();

describe('ALL_CHECKS', () => {
  it.each(checkFiles)('%s exports one check, listed in ALL_CHECKS, with a test beside its name', async (name) => {
    const mod = (await import(path.join(CHECKS_DIR, `${name}.ts`))) as Record<string, unknown>;
    const fns = Object.values(mod).filter((x) => typeof x === 'function');
    expect(fns).toHaveLength(1);
    expect(ALL_CHECKS).toContain(fns[0]);
    expect(existsSync(path.join(import.meta.dirname, `${name}.test.ts`))).toBe(true);
  });

  it('lists every check file exactly once', () => {
    expect(new Set(ALL_CHECKS).size).toBe(ALL_CHECKS.length);
    expect(ALL_CHECKS).toHaveLength(checkFiles.length);
  });

  it.each(fixtureNames())('every check on %s: never throws, never mutates the facts, same findings from equal facts', (name) => {
    const s = loadSnapshot(name);
    const before = clone(s);
    for (const check of ALL_CHECKS) {
      const first = check(s);
      expect(check(s)).toEqual(first);
      // Same facts in a fresh object (the view memo is per object): same findings.
      expect(check(clone(before))).toEqual(first);
      for (const f of first) {
        expect(f.code).toMatch(/^[A-Z][A-Z0-9_]+$/);
        expect(FINDING_CODES[f.code].severities).toContain(f.severity);
        expect(f.message.length).toBeGreaterThan(0);
        expect(f.evidence.length).toBeGreaterThan(0);
        for (const e of f.evidence) expect(e).not.toMatch(/\r|undefined/);
      }
    }
    expect(s).toEqual(before);
  });
});
