import { describe, expect, it } from 'vitest';
import { projectToolchainRefused } from '../../../engine/checks/project-toolchain-refused.js';
import { GENUINE_FIXTURES, loadSnapshot, only } from '../snapshot-builders.js';
import { projectSnapshot, projectSnapshotWithGotoolchain } from '../project/project-snapshots.js';

const TOO_NEW = 'go: go.mod requires go >= 1.23.4 (running go 1.22.12; GOTOOLCHAIN=local)\n';

describe('project-toolchain-refused (PROJECT_TOOLCHAIN_REFUSED)', () => {
  it('fires when GOTOOLCHAIN=local keeps go 1.22 on a go.mod that says go 1.23.4, quoting go and naming the setting', () => {
    const s = projectSnapshotWithGotoolchain('local', { goMod: 'module m\n\ngo 1.23.4\n', load: { exitCode: 1, stderr: TOO_NEW } });
    const f = only(projectToolchainRefused(s), 'PROJECT_TOOLCHAIN_REFUSED');
    expect(f.severity).toBe('error');
    expect(f.message).toBe(
      'go refuses to build /work/app: its go.mod requires go >= 1.23.4, the go that runs is 1.22.12, and GOTOOLCHAIN=local (environment) forbids switching.',
    );
    expect(f.evidence[0]).toBe('go in /work/app: go.mod requires go >= 1.23.4 (running go 1.22.12; GOTOOLCHAIN=local)');
    expect(f.evidence[1]).toBe('go.mod: /work/app/go.mod: go 1.23.4');
    expect(f.fix).toBe(
      'Install Go 1.23.4 or let go fetch it once: `GOTOOLCHAIN=go1.23.4 go version` downloads go1.23.4 into the module cache; then set GOTOOLCHAIN=auto where your shell or CI sets GOTOOLCHAIN so the go.mod can select it. If the project does not need 1.23.4, lower the go line in /work/app/go.mod.',
    );
  });

  it('names the .0 release for a language version, and the +auto fix for a pinned release', () => {
    const s = projectSnapshotWithGotoolchain('go1.22.12', {
      goMod: 'module m\n\ngo 1.23\n',
      load: { exitCode: 1, stderr: 'go: go.mod requires go >= 1.23 (running go 1.22.12; GOTOOLCHAIN=go1.22.12)\n' },
    });
    const f = only(projectToolchainRefused(s), 'PROJECT_TOOLCHAIN_REFUSED');
    expect(f.fix).toMatch(/^Install Go 1\.23 or let go fetch it once: `GOTOOLCHAIN=go1\.23\.0 go version`/);
    expect(f.fix).toContain('set GOTOOLCHAIN=go1.22.12+auto where your shell or CI sets GOTOOLCHAIN');
    expect(f.message).toContain('GOTOOLCHAIN=go1.22.12 (environment) pins that release and forbids switching (no +auto)');
  });

  it("takes GOTOOLCHAIN from go's own message when go env did not answer in DIR", () => {
    const s = projectSnapshot({ goMod: 'module m\n\ngo 1.23.4\n', load: { exitCode: 1, stderr: TOO_NEW } });
    delete s.project!.env!.GOTOOLCHAIN;
    expect(only(projectToolchainRefused(s), 'PROJECT_TOOLCHAIN_REFUSED').message).toMatch(/and GOTOOLCHAIN=local \(as go reports\) forbids switching\.$/);
  });

  it('names toolchain default as the reason when the file keeps the default', () => {
    const s = projectSnapshot({
      goMod: 'module m\n\ngo 1.23.4\ntoolchain default\n',
      load: { exitCode: 1, stderr: 'go: go.mod requires go >= 1.23.4 (running go 1.22.12; go.mod sets toolchain default)\n' },
    });
    expect(only(projectToolchainRefused(s), 'PROJECT_TOOLCHAIN_REFUSED').message).toMatch(/its `toolchain default` line keeps the default toolchain\.$/);
  });

  it('stays silent when the project loads, when go fails everywhere (an environment problem), and without --project', () => {
    expect(projectToolchainRefused(projectSnapshot())).toEqual([]);
    const broken = projectSnapshot({ load: { exitCode: 1, stderr: TOO_NEW } }, loadSnapshot('windows-goroot-missing'));
    expect(projectToolchainRefused(broken)).toEqual([]);
    for (const name of GENUINE_FIXTURES) expect(projectToolchainRefused(loadSnapshot(name))).toEqual([]);
  });
});
