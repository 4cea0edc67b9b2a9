import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FINDING_CODES, type FindingCode, isFindingCode, type Severity } from '../../../engine/checks/finding-codes.js';
import { INAUTHENTIC_CODES } from '../../../engine/verdict/decide-verdict.js';
import { sectionBySlug, tableRows } from '../docs/markdown-sections.js';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const read = (file: string) => readFileSync(path.join(repoRoot, file), 'utf8');
const CODES = Object.keys(FINDING_CODES) as FindingCode[];

/** A `CODE (why)` list, as the Severities table writes it: the codes, their qualifiers dropped. */
const codesIn = (cell: string) =>
  cell
    .replace(/\([^)]*\)/g, '')
    .split(',')
    .map((c) => c.trim())
    .filter(Boolean);

describe('the finding-code table against the docs (compared, not generated)', () => {
  it("docs/contract.md's code table has exactly the table's codes, each with the table's meaning", () => {
    const section = sectionBySlug(read('docs/contract.md'), 'finding-codes-the-minimum-vocabulary-add-more-never-rename');
    const rows = tableRows(section ?? '').map(([code, meaning]) => [code, meaning?.replace(/^\(added\) /, '')]);
    expect(rows.map(([code]) => code).sort()).toEqual([...CODES].sort());
    expect(Object.fromEntries(rows)).toEqual(Object.fromEntries(CODES.map((c) => [c, FINDING_CODES[c].meaning])));
  });

  it("docs/verdict-rules.md's Severities table lists each code under exactly the table's severities", () => {
    const section = sectionBySlug(read('docs/verdict-rules.md'), 'severities');
    const listed = new Map<string, Severity[]>();
    for (const [severity, cell] of tableRows(section ?? ''))
      for (const code of codesIn(cell ?? '')) listed.set(code, [...(listed.get(code) ?? []), severity as Severity]);
    expect([...listed.keys()].sort()).toEqual([...CODES].sort());
    expect(Object.fromEntries(CODES.map((c) => [c, [...(listed.get(c) ?? [])].sort()]))).toEqual(
      Object.fromEntries(CODES.map((c) => [c, [...FINDING_CODES[c].severities].sort()])),
    );
  });

  it("docs/verdict-rules.md names the verdict's inauthentic codes", () => {
    const sentence = /`authentic` is `null` when absent; `false` when any of ([^.]*) is present/.exec(read('docs/verdict-rules.md'));
    expect(sentence?.[1]?.match(/[A-Z][A-Z0-9_]+/g)).toEqual(INAUTHENTIC_CODES);
  });

  it.each(CODES)("%s's doc anchor is a section of an existing doc that names it", (code) => {
    const [file, slug] = FINDING_CODES[code].doc.split('#');
    const section = sectionBySlug(read(file!), slug!);
    expect(section, `${FINDING_CODES[code].doc} is not a heading`).not.toBeNull();
    expect(section).toMatch(new RegExp(`\\b${code}\\b`));
  });
});

describe('the table', () => {
  it('knows its codes and nothing else, not even inherited names', () => {
    expect(isFindingCode('GOROOT_MISMATCH')).toBe(true);
    expect(isFindingCode('GOROOT_MISMACH')).toBe(false);
    expect(isFindingCode('toString')).toBe(false);
  });

  it('gives every code at least one severity and a one-line meaning', () => {
    for (const c of CODES) {
      expect(FINDING_CODES[c].severities.length, c).toBeGreaterThan(0);
      expect(FINDING_CODES[c].meaning, c).toMatch(/^[^\n|]+$/);
    }
  });
});

describe('the markdown reading the comparisons rest on', () => {
  const doc = '# T\n\n## Codes (a; b)\n\n| code | meaning |\n| --- | --- |\n| A_B | one \\n|\n| C | two |\n\n### Sub\n\nC here\n\n## Next\n\n| x | y |\n';
  it('takes a section by its GitHub anchor, subsections included, up to the next peer heading', () => {
    expect(sectionBySlug(doc, 'codes-a-b')).toContain('### Sub');
    expect(sectionBySlug(doc, 'codes-a-b')).not.toContain('## Next');
    expect(sectionBySlug(doc, 'missing')).toBeNull();
  });
  it("reads a table's body rows only", () => {
    expect(tableRows(sectionBySlug(doc, 'codes-a-b')!)).toEqual([
      ['A_B', 'one \\n'],
      ['C', 'two'],
    ]);
  });
});
