import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FINDING_CODES, codeDocPath } from '../../../engine/report/finding-codes.js';

const REPO = path.resolve(import.meta.dirname, '../../..');
const read = (f: string) => readFileSync(path.join(REPO, f), 'utf8');

describe('the finding-code list', () => {
  it('holds every code a check, the report builder or a probe can emit', () => {
    const dirs = ['engine/checks', 'engine/report', 'engine/probes'];
    const emitted = new Set(dirs.flatMap((d) => readdirSync(path.join(REPO, d)).flatMap((f) => [...read(`${d}/${f}`).matchAll(/code: '([A-Z0-9_]+)'/g)].map((m) => m[1]!))));
    expect(emitted.size).toBeGreaterThan(30);
    expect([...emitted].filter((c) => !(FINDING_CODES as readonly string[]).includes(c))).toEqual([]);
  });

  it("holds every code of the contract's table and of the severity rules", () => {
    const table = [...read('docs/contract.md').matchAll(/^\| ([A-Z][A-Z0-9_]+) \|/gm)].map((m) => m[1]!);
    const rules = read('docs/verdict-rules.md').split('\n').filter((l) => /^\| (error|warning|info) \|/.test(l)).flatMap((l) => [...l.matchAll(/\b([A-Z][A-Z0-9]*_[A-Z0-9_]+|SHIM|WRAPPER|CONTAINER)\b/g)].map((m) => m[1]!));
    expect(table).toContain('GO_NOT_FOUND');
    expect(rules).toContain('NOT_OFFICIAL_BUILD');
    expect([...table, ...rules].filter((c) => !(FINDING_CODES as readonly string[]).includes(c) && c !== 'GOTOOLCHAIN')).toEqual([]);
  });

  it('links every code to its own section of the shipped docs/finding-codes.md', () => {
    const doc = read('docs/finding-codes.md');
    const headings = [...doc.matchAll(/^## ([A-Z0-9_]+)$/gm)].map((m) => m[1]);
    expect(headings).toEqual([...FINDING_CODES]);
    expect(codeDocPath('GOROOT_MISMATCH')).toBe('docs/finding-codes.md#goroot_mismatch');
    for (const c of FINDING_CODES) expect(doc).toMatch(new RegExp(`^## ${c}\\n\\n.+\\.\\n\\nSeverity: (error|warning|info)`, 'm'));
  });
});
