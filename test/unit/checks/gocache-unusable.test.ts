import { describe, expect, it } from 'vitest';
import { gocacheUnusable } from '../../../engine/checks/gocache-unusable.js';
import { GENUINE_FIXTURES, loadSnapshot, only, withEnv, withFailedCommand, withGoEnv, withWritable } from '../snapshot-builders.js';

const base = () => loadSnapshot('linux-debian-golang-go');

describe('gocache-unusable (GOCACHE_UNUSABLE)', () => {
  it('names HOME when it is unset and nothing else places the cache, quoting go', () => {
    let s = withEnv(base(), { HOME: '' });
    s = withFailedCommand(
      s,
      'buildPure',
      'build cache is required, but could not be located: GOCACHE is not defined and neither $XDG_CACHE_HOME nor $HOME are defined\n',
    );
    const f = only(gocacheUnusable(withGoEnv(s, { GOCACHE: 'off' })), 'GOCACHE_UNUSABLE');
    expect(f.severity).toBe('error');
    expect(f.message).toContain('"build cache is required, but could not be located');
    expect(f.evidence).toContain('HOME: empty; GOCACHE and XDG_CACHE_HOME: unset');
    expect(f.fix).toMatch(/^HOME is not set.*set HOME, or set GOCACHE/);
  });

  it('says how to undo GOCACHE=off where it was set', () => {
    let s = withFailedCommand(withEnv(base(), { GOCACHE: 'off' }), 'buildPure', 'build cache is disabled by GOCACHE=off, but required as of Go 1.12\n');
    const f = only(gocacheUnusable(s), 'GOCACHE_UNUSABLE');
    expect(f.evidence).toEqual([
      '/usr/bin/go build -o /tmp/goverity-mlGZ2zmd/pure.bin .: build cache is disabled by GOCACHE=off, but required as of Go 1.12',
      'GOCACHE=off (environment)',
    ]);
    expect(f.fix).toMatch(/go requires since Go 1\.12: unset GOCACHE,/);
    s = withEnv(base(), { GOCACHE: 'cache' });
    expect(only(gocacheUnusable(s), 'GOCACHE_UNUSABLE').fix).toMatch(/^GOCACHE must be an absolute path/);
  });

  it('names an unwritable cache directory', () => {
    const s = withFailedCommand(
      withWritable(base(), 'GOCACHE', false, '/ro'),
      'buildPure',
      'failed to initialize build cache at /ro/c: mkdir /ro/c: permission denied\n',
    );
    const f = only(gocacheUnusable(s), 'GOCACHE_UNUSABLE');
    expect(f.fix).toBe('go cannot write its build cache (/ro): make it writable by this user, or set GOCACHE to a directory this user owns.');
  });

  it.each([...GENUINE_FIXTURES, 'linux-no-go'])('stays silent on %s', (name) => {
    expect(gocacheUnusable(loadSnapshot(name))).toEqual([]);
  });
});
