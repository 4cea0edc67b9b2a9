import { describe, expect, it } from 'vitest';
import { projectToolchainUnavailable } from '../../../engine/checks/project-toolchain-unavailable.js';
import { GENUINE_FIXTURES, loadSnapshot, only } from '../snapshot-builders.js';
import { goCommand, projectSnapshot, projectSnapshotWithGotoolchain } from '../project/project-snapshots.js';

const CACHE = '/root/go/pkg/mod/golang.org/toolchain@v0.0.1-go1.23.4.linux-amd64';
const absent = (name = 'go1.23.4') => ({
  name,
  onPath: null,
  moduleCache: { dir: CACHE, binaryPath: `${CACHE}/bin/go`, present: false, identity: null },
  proxy: null,
});
const DOWNLOAD_FAILS = {
  exitCode: 1,
  stdout: '',
  stderr: 'go: downloading go1.23.4 (linux/amd64)\ngo: download go1.23.4 for linux/amd64: toolchain not available\n',
};

describe('project-toolchain-unavailable (PROJECT_TOOLCHAIN_UNAVAILABLE)', () => {
  it('fires when GOTOOLCHAIN=auto must switch for the go line and the release is neither on PATH nor in the module cache', () => {
    const s = projectSnapshot({ goMod: 'module m\n\ngo 1.23.4\n', version: DOWNLOAD_FAILS, toolchain: absent() });
    const f = only(projectToolchainUnavailable(s), 'PROJECT_TOOLCHAIN_UNAVAILABLE');
    expect(f.severity).toBe('error');
    expect(f.message).toBe(
      `In /work/app go must switch to go1.23.4 (selected by its go line in go.mod (/work/app/go.mod: go 1.23.4), GOTOOLCHAIN=auto (GOROOT/go.env)), and cannot get it: it is not on PATH as go1.23.4, not in the module cache (${CACHE}), so go would download it from GOPROXY=https://proxy.example/mod,direct, which fails offline.`,
    );
    expect(f.evidence).toEqual([
      'go version in /work/app: go: downloading go1.23.4 (linux/amd64) | go: download go1.23.4 for linux/amd64: toolchain not available',
      'go.mod: /work/app/go.mod: go 1.23.4',
      'PATH lookup of go1.23.4: not found',
      `module cache: no ${CACHE}/bin/go`,
    ]);
    expect(f.fix).toBe(
      'Fetch it once while online: `GOTOOLCHAIN=go1.23.4 go version` (it lands in the module cache and works offline afterwards), or put go1.23.4 on PATH (`go install golang.org/dl/go1.23.4@latest && go1.23.4 download`). Or, if the project does not need it, lower the `go 1.23.4` line in /work/app/go.mod.',
    );
  });

  it('blames a go.work toolchain line, and says what GOPROXY answered with --online', () => {
    const toolchain = {
      ...absent('go1.99.1'),
      proxy: goCommand(['list', '-m', '-json', 'golang.org/toolchain@v0.0.1-go1.99.1.linux-amd64'], {
        exitCode: 1,
        stderr:
          'go: golang.org/toolchain@v0.0.1-go1.99.1.linux-amd64: reading https://proxy.example/mod/golang.org/toolchain/@v/v0.0.1-go1.99.1.linux-amd64.info: 404 Not Found\n',
      }),
    };
    const s = projectSnapshot({
      goWork: 'go 1.22\n\ntoolchain go1.99.1\n\nuse .\n',
      version: { exitCode: 1, stderr: 'go: downloading go1.99.1 (linux/amd64)\ngo: download go1.99.1 for linux/amd64: toolchain not available\n' },
      toolchain,
    });
    const f = only(projectToolchainUnavailable(s), 'PROJECT_TOOLCHAIN_UNAVAILABLE');
    expect(f.message).toMatch(
      /^In \/work\/app go must switch to go1\.99\.1 \(selected by its toolchain line in go\.work \(\/work\/app\/go\.work: go 1\.22, toolchain go1\.99\.1\)/,
    );
    expect(f.message).toMatch(/; GOPROXY does not serve it either: go: golang\.org\/toolchain@v0\.0\.1-go1\.99\.1\.linux-amd64: reading .*404 Not Found\.$/);
    expect(f.fix).toMatch(/Or drop or lower the `toolchain go1\.99\.1` line in \/work\/app\/go\.work\.$/);
  });

  it('with GOTOOLCHAIN=path says PATH is the only place go looks', () => {
    const s = projectSnapshotWithGotoolchain('path', {
      goMod: 'module m\n\ngo 1.23.4\n',
      version: { exitCode: 1, stderr: 'go: cannot find "go1.23.4" in PATH\n' },
      toolchain: absent(),
    });
    const f = only(projectToolchainUnavailable(s), 'PROJECT_TOOLCHAIN_UNAVAILABLE');
    expect(f.message).toContain('it is not on PATH as go1.23.4, and GOTOOLCHAIN=…path looks nowhere else.');
    expect(f.fix).toMatch(/^Put go1\.23\.4 on PATH/);
  });

  it('stays silent when the switch works, when GOTOOLCHAIN already fails outside the project (TOOLCHAIN_SWITCH_FAILED), and without --project', () => {
    expect(
      projectToolchainUnavailable(projectSnapshot({ goMod: 'module m\n\ngo 1.23.4\n', version: { stdout: 'go version go1.23.4 linux/amd64\n' } })),
    ).toEqual([]);
    const everywhere = projectSnapshot({ version: DOWNLOAD_FAILS }, loadSnapshot('windows-goroot-missing'));
    expect(projectToolchainUnavailable(everywhere)).toEqual([]);
    for (const name of GENUINE_FIXTURES) expect(projectToolchainUnavailable(loadSnapshot(name))).toEqual([]);
  });
});
