import { describe, expect, it } from 'vitest';
import { goNotFound } from '../../../engine/checks/go-not-found.js';
import { fixtureNames, loadSnapshot, only, variant } from '../snapshot-builders.js';

describe('go-not-found (GO_NOT_FOUND)', () => {
  it('fires when no go is on PATH (recorded: Debian without Go), listing PATH', () => {
    const f = only(goNotFound(loadSnapshot('linux-no-go')), 'GO_NOT_FOUND');
    expect(f.severity).toBe('error');
    expect(f.message).toBe('No `go` on PATH.');
    expect(f.evidence).toEqual(['PATH (6 entries): /usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin']);
    expect(f.fix).toMatch(/go\.dev\/doc\/install/);
  });

  it('joins a Windows PATH with semicolons, keeping backslashes', () => {
    const s = variant(loadSnapshot('windows-msi'), (d) => {
      d.candidates = [];
      d.pathEntries = ['C:\\WINDOWS\\system32', 'C:\\Users\\dev\\go\\bin'];
    });
    expect(only(goNotFound(s), 'GO_NOT_FOUND').evidence).toEqual(['PATH (2 entries): C:\\WINDOWS\\system32;C:\\Users\\dev\\go\\bin']);
  });

  it('says so when PATH is empty', () => {
    const s = variant(loadSnapshot('linux-no-go'), (d) => {
      d.pathEntries = [];
    });
    expect(only(goNotFound(s), 'GO_NOT_FOUND').evidence).toEqual(['PATH (0 entries): (empty)']);
  });

  it.each(fixtureNames().filter((n) => n !== 'linux-no-go'))('stays silent when a go is on PATH: %s', (name) => {
    expect(goNotFound(loadSnapshot(name))).toEqual([]);
  });
});
