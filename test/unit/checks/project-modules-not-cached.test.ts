import { describe, expect, it } from 'vitest';
import { projectModulesNotCached } from '../../../engine/checks/project-modules-not-cached.js';
import { GENUINE_FIXTURES, loadSnapshot, only, withEnv } from '../snapshot-builders.js';
import { projectSnapshot } from '../project/project-snapshots.js';

const NOT_CACHED =
  'main.go:2:8: module lookup disabled by GOPROXY=off\ngo: downloading example.com/lib v1.0.0\nmain.go:2:8: module lookup disabled by GOPROXY=off\n';

describe('project-modules-not-cached (PROJECT_MODULES_NOT_CACHED)', () => {
  it('warns that the first build must download what the module cache lacks', () => {
    const f = only(projectModulesNotCached(projectSnapshot({ load: { exitCode: 1, stderr: NOT_CACHED } })), 'PROJECT_MODULES_NOT_CACHED');
    expect(f.severity).toBe('warning');
    expect(f.message).toBe(
      '/work/app needs modules that are not in the module cache (/root/go/pkg/mod): example.com/lib v1.0.0; go build downloads them from GOPROXY=https://proxy.golang.org,direct, so it fails offline.',
    );
    expect(f.fix).toBe('While online: cd /work/app && go mod download (fills the module cache), or vendor them: go mod vendor.');
  });

  it("is an error when the user's own GOPROXY=off forbids the download", () => {
    const s = projectSnapshot({ load: { exitCode: 1, stderr: NOT_CACHED } }, withEnv(loadSnapshot('linux-debian-copy-usr-local'), { GOPROXY: 'off' }));
    const f = only(projectModulesNotCached(s), 'PROJECT_MODULES_NOT_CACHED');
    expect(f.severity).toBe('error');
    expect(f.message).toMatch(/from GOPROXY=off, which is off: the build fails\.$/);
  });

  it('stays silent when the project loads, on a go.sum problem, and without --project', () => {
    expect(projectModulesNotCached(projectSnapshot())).toEqual([]);
    expect(
      projectModulesNotCached(
        projectSnapshot({ load: { exitCode: 1, stderr: `main.go:2:8: missing go.sum entry for module providing package example.com/lib\n${NOT_CACHED}` } }),
      ),
    ).toEqual([]);
    for (const name of GENUINE_FIXTURES) expect(projectModulesNotCached(loadSnapshot(name))).toEqual([]);
  });
});
