import { describe, expect, it } from 'vitest';
import { modcacheUnwritable } from '../../../engine/checks/modcache-unwritable.js';
import { GENUINE_FIXTURES, loadSnapshot, only, withWritable } from '../snapshot-builders.js';

describe('modcache-unwritable (MODCACHE_UNWRITABLE)', () => {
  it('fires when the module cache cannot be written', () => {
    const s = withWritable(loadSnapshot('linux-debian-golang-go'), 'GOMODCACHE', false, '/root');
    const f = only(modcacheUnwritable(s), 'MODCACHE_UNWRITABLE');
    expect(f.severity).toBe('warning');
    expect(f.message).toBe('GOMODCACHE (/root) cannot be written by this user: go cannot download modules.');
    expect(f.evidence).toEqual(['test -w /root (GOMODCACHE=/root/go/pkg/mod): not writable']);
    expect(f.fix).toMatch(/fix the ownership of \/root\.$/);
  });

  it('names both GOMODCACHE and GOPATH on Windows', () => {
    let s = withWritable(loadSnapshot('windows-msi'), 'GOMODCACHE', false);
    s = withWritable(s, 'GOPATH', false);
    const f = only(modcacheUnwritable(s), 'MODCACHE_UNWRITABLE');
    expect(f.message).toBe(
      'GOMODCACHE (C:\\Users\\dev\\go\\pkg\\mod) and GOPATH (C:\\Users\\dev\\go) cannot be written by this user: go cannot download modules.',
    );
    expect(f.evidence).toEqual([
      'test -w C:\\Users\\dev\\go\\pkg\\mod (GOMODCACHE=C:\\Users\\dev\\go\\pkg\\mod): not writable',
      'test -w C:\\Users\\dev\\go (GOPATH=C:\\Users\\dev\\go): not writable',
    ]);
  });

  it('stays silent when writability is unknown, or only GOCACHE is read-only', () => {
    expect(modcacheUnwritable(withWritable(loadSnapshot('darwin-homebrew'), 'GOMODCACHE', null))).toEqual([]);
    expect(modcacheUnwritable(withWritable(loadSnapshot('darwin-homebrew'), 'GOCACHE', false))).toEqual([]);
  });

  it.each([...GENUINE_FIXTURES, 'linux-no-go'])('stays silent on %s', (name) => {
    expect(modcacheUnwritable(loadSnapshot(name))).toEqual([]);
  });
});
