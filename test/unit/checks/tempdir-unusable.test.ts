import { describe, expect, it } from 'vitest';
import { tempdirUnusable } from '../../../engine/checks/tempdir-unusable.js';
import type { WorkDirFact } from '../../../engine/facts/fact-snapshot.js';
import { GENUINE_FIXTURES, loadSnapshot, only, variant, withFailedCommand } from '../snapshot-builders.js';

const withWorkDir = (w: Partial<WorkDirFact>) =>
  variant(loadSnapshot('linux-debian-golang-go'), (d) => {
    d.diagnosis = { workDir: { variable: null, path: '/tmp', exists: true, writable: true, noexec: false, mountPoint: '/', ...w } };
  });

describe('tempdir-unusable (TEMPDIR_UNUSABLE)', () => {
  it('quotes go and names the variable when TMPDIR does not exist', () => {
    const s = withFailedCommand(
      withWorkDir({ variable: 'TMPDIR', path: '/nonexistent', exists: false, writable: null, noexec: null }),
      'buildPure',
      'go: creating work dir: stat /nonexistent: no such file or directory\n',
    );
    const f = only(tempdirUnusable(s), 'TEMPDIR_UNUSABLE');
    expect(f.severity).toBe('error');
    expect(f.message).toBe('go cannot make its work directory: "go: creating work dir: stat /nonexistent: no such file or directory"; every build fails.');
    expect(f.fix).toBe('TMPDIR=/nonexistent does not exist: unset TMPDIR or create it (mkdir -p /nonexistent).');
  });

  it('reports a missing GOTMPDIR even when the build was never attempted', () => {
    const f = only(tempdirUnusable(withWorkDir({ variable: 'GOTMPDIR', path: '/gone', exists: false })), 'TEMPDIR_UNUSABLE');
    expect(f.evidence).toEqual(['GOTMPDIR=/gone: no such directory']);
    expect(f.fix).toMatch(/^GOTMPDIR=\/gone does not exist: unset GOTMPDIR/);
  });

  it('warns about a noexec work dir: go run and go test break, go build does not', () => {
    const f = only(tempdirUnusable(withWorkDir({ noexec: true, mountPoint: '/tmp' })), 'TEMPDIR_UNUSABLE');
    expect(f.severity).toBe('warning');
    expect(f.evidence).toEqual(['the default temp dir /tmp: mounted noexec (/tmp)']);
    expect(f.fix).toMatch(/^Set GOTMPDIR to a directory on a filesystem mounted with exec/);
  });

  it('stays silent on a usable work dir', () => {
    expect(tempdirUnusable(withWorkDir({}))).toEqual([]);
  });

  it.each([...GENUINE_FIXTURES, 'linux-no-go'])('stays silent on %s', (name) => {
    expect(tempdirUnusable(loadSnapshot(name))).toEqual([]);
  });
});
