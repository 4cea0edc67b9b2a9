import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FINDING_CODES, type FindingCode } from '../../../engine/checks/finding-codes.js';
import { codeDocPath } from '../../../engine/report/code-doc-path.js';

const REPO = path.resolve(import.meta.dirname, '../../..');
const CODES = Object.keys(FINDING_CODES) as FindingCode[];

describe('the shipped docs/finding-codes.md', () => {
  it('has one section per code of the table, linked by codeDocPath, with its meaning and severities', () => {
    const doc = readFileSync(path.join(REPO, 'docs/finding-codes.md'), 'utf8');
    const headings = [...doc.matchAll(/^## ([A-Z0-9_]+)$/gm)].map((m) => m[1]!);
    expect([...headings].sort()).toEqual([...CODES].sort());
    expect(new Set(headings).size).toBe(headings.length);
    expect(codeDocPath('GOROOT_MISMATCH')).toBe('docs/finding-codes.md#goroot_mismatch');
    for (const c of CODES) {
      const section = new RegExp(`^## ${c}\\n\\n.+\\.\\n\\nSeverity: (.+)\\.$`, 'm').exec(doc);
      expect(section, c).not.toBeNull();
      // Each severity the table allows is named, and no other.
      const named = section![1]!.split('; ').map((s) => s.split(' ')[0]);
      expect([...named].sort(), c).toEqual([...FINDING_CODES[c].severities].sort());
    }
  });
});
