import { describe, expect, it } from 'vitest';
import { projectVendorInconsistent } from '../../../engine/checks/project-vendor-inconsistent.js';
import { GENUINE_FIXTURES, loadSnapshot, only, withEnv } from '../snapshot-builders.js';
import { projectSnapshot } from '../project/project-snapshots.js';

const STALE = `go: inconsistent vendoring in /work/app:
	example.com/dep@v1.1.0: is explicitly required in go.mod, but not marked as explicit in vendor/modules.txt

	To ignore the vendor directory, use -mod=readonly or -mod=mod.
	To sync the vendor directory, run:
		go mod vendor
`;

describe('project-vendor-inconsistent (PROJECT_VENDOR_INCONSISTENT)', () => {
  it('fires on a vendor/modules.txt that no longer matches go.mod, quoting go', () => {
    const s = projectSnapshot({ load: { exitCode: 1, stderr: STALE }, vendorModules: '# example.com/dep v1.0.0\n## explicit; go 1.21\nexample.com/dep\n' });
    const f = only(projectVendorInconsistent(s), 'PROJECT_VENDOR_INCONSISTENT');
    expect(f.severity).toBe('error');
    expect(f.message).toBe('go builds /work/app from its vendor directory, but /work/app/vendor/modules.txt does not match go.mod: every build stops.');
    expect(f.evidence[0]).toBe(
      'go list -deps ./... in /work/app: go: inconsistent vendoring in /work/app: | example.com/dep@v1.1.0: is explicitly required in go.mod, but not marked as explicit in vendor/modules.txt | To ignore the vendor directory, use -mod=readonly or -mod=mod. | To sync the vendor directory, run:',
    );
    expect(f.fix).toMatch(/^Sync the vendor directory with go\.mod: cd \/work\/app && go mod vendor/);
  });

  it('names GOFLAGS=-mod=vendor when it forces vendor mode on a project without a vendor directory', () => {
    const base = withEnv(loadSnapshot('linux-debian-copy-usr-local'), { GOFLAGS: '-mod=vendor' });
    const s = projectSnapshot(
      { load: { exitCode: 1, stderr: 'main.go:3:8: cannot find module providing package example.com/dep: import lookup disabled by -mod=vendor\n' } },
      base,
    );
    const f = only(projectVendorInconsistent(s), 'PROJECT_VENDOR_INCONSISTENT');
    expect(f.message).toBe(
      'go builds /work/app from its vendor directory (GOFLAGS=-mod=vendor from environment), but there is no /work/app/vendor/modules.txt: every build stops.',
    );
    expect(f.fix).toBe('Drop -mod=vendor from GOFLAGS (environment), or create the vendor directory: cd /work/app && go mod vendor');
  });

  it('stays silent when the project loads or fails for another reason, and without --project', () => {
    expect(projectVendorInconsistent(projectSnapshot())).toEqual([]);
    expect(
      projectVendorInconsistent(
        projectSnapshot({ load: { exitCode: 1, stderr: 'main.go:2:8: missing go.sum entry for module providing package example.com/lib\n' } }),
      ),
    ).toEqual([]);
    for (const name of GENUINE_FIXTURES) expect(projectVendorInconsistent(loadSnapshot(name))).toEqual([]);
  });
});
