import { describe, expect, it } from 'vitest';
import { projectLoadFailed } from '../../../engine/checks/project-load-failed.js';
import { GENUINE_FIXTURES, loadSnapshot, only } from '../snapshot-builders.js';
import { projectSnapshot } from '../project/project-snapshots.js';

describe('project-load-failed (PROJECT_LOAD_FAILED)', () => {
  it('quotes go and points at the line of go.mod it blames', () => {
    const s = projectSnapshot({ load: { exitCode: 1, stderr: 'go: errors parsing go.mod:\n/work/app/go.mod:3: unknown directive: requires\n' } });
    const f = only(projectLoadFailed(s), 'PROJECT_LOAD_FAILED');
    expect(f.severity).toBe('error');
    expect(f.message).toBe('go cannot load the packages of /work/app: go: errors parsing go.mod:.');
    expect(f.evidence).toEqual(['go list -deps ./... in /work/app: go: errors parsing go.mod: | /work/app/go.mod:3: unknown directive: requires']);
    expect(f.fix).toBe('Fix /work/app/go.mod line 3 as go reports; `cd /work/app && go list ./...` shows it again.');
  });

  it('says so when go list did not finish', () => {
    const s = projectSnapshot({ load: { exitCode: null as unknown as number, timedOut: true, stderr: '' } });
    expect(only(projectLoadFailed(s), 'PROJECT_LOAD_FAILED').message).toBe('go cannot load the packages of /work/app: go list did not finish in time.');
  });

  it('leaves causes with their own finding to them, and stays silent without --project', () => {
    for (const stderr of [
      'go: inconsistent vendoring in /work/app:\n',
      'main.go:2:8: missing go.sum entry for module providing package x\n',
      'main.go:2:8: module lookup disabled by GOPROXY=off\n',
      'go: go.mod requires go >= 1.99 (running go 1.22.12; GOTOOLCHAIN=local)\n',
    ])
      expect(projectLoadFailed(projectSnapshot({ load: { exitCode: 1, stderr } }))).toEqual([]);
    expect(projectLoadFailed(projectSnapshot())).toEqual([]);
    for (const name of GENUINE_FIXTURES) expect(projectLoadFailed(loadSnapshot(name))).toEqual([]);
  });
});
