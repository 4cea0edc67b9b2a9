import { describe, expect, it } from 'vitest';
import { projectGosumMissing } from '../../../engine/checks/project-gosum-missing.js';
import { GENUINE_FIXTURES, loadSnapshot, only } from '../snapshot-builders.js';
import { projectSnapshot } from '../project/project-snapshots.js';

const MISSING =
  'main.go:2:8: missing go.sum entry for module providing package example.com/lib (imported by example.com/app); to add:\n\tgo get example.com/app\n';

describe('project-gosum-missing (PROJECT_GOSUM_MISSING)', () => {
  it("fires when go.sum lacks a requirement, with go's own hint as the fix", () => {
    const f = only(projectGosumMissing(projectSnapshot({ load: { exitCode: 1, stderr: MISSING } })), 'PROJECT_GOSUM_MISSING');
    expect(f.severity).toBe('error');
    expect(f.message).toBe(
      'go.sum in /work/app does not cover the requirements (no entry for the module providing example.com/lib): go will not build with a module it cannot verify.',
    );
    expect(f.evidence).toEqual([
      'go list -deps ./... in /work/app: main.go:2:8: missing go.sum entry for module providing package example.com/lib (imported by example.com/app); to add: | go get example.com/app',
    ]);
    expect(f.fix).toBe(
      "With network access: cd /work/app && go get example.com/app (go's own hint; `go mod download` also records the sums), then commit go.sum.",
    );
  });

  it('stays silent when the project loads, when vendoring is the cause, and without --project', () => {
    expect(projectGosumMissing(projectSnapshot())).toEqual([]);
    expect(projectGosumMissing(projectSnapshot({ load: { exitCode: 1, stderr: `go: inconsistent vendoring in /work/app:\n${MISSING}` } }))).toEqual([]);
    for (const name of GENUINE_FIXTURES) expect(projectGosumMissing(loadSnapshot(name))).toEqual([]);
  });
});
