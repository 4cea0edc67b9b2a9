import { describe, expect, it } from 'vitest';
import { projectToolchainSwitch } from '../../../engine/checks/project-toolchain-switch.js';
import type { BinaryIdentity } from '../../../engine/binary/binary-identity.js';
import { GENUINE_FIXTURES, loadSnapshot, only } from '../snapshot-builders.js';
import { projectSnapshot } from '../project/project-snapshots.js';

const CACHE = '/root/go/pkg/mod/golang.org/toolchain@v0.0.1-go1.27.3.linux-amd64';

describe('project-toolchain-switch (PROJECT_TOOLCHAIN_SWITCH)', () => {
  it('is info when the go line selects a toolchain found in the module cache, with what its bytes say', () => {
    const local = loadSnapshot('linux-debian-copy-usr-local').candidates[0]!.identity!;
    const identity: BinaryIdentity = { ...local, go: { ...local.go!, version: 'go1.27.3' } };
    const s = projectSnapshot({
      goMod: 'module m\n\ngo 1.27.3\n',
      version: { stdout: 'go version go1.27.3 linux/amd64\n' },
      toolchain: { name: 'go1.27.3', onPath: null, moduleCache: { dir: CACHE, binaryPath: `${CACHE}/bin/go`, present: true, identity }, proxy: null },
    });
    const f = only(projectToolchainSwitch(s), 'PROJECT_TOOLCHAIN_SWITCH');
    expect(f.severity).toBe('info');
    expect(f.message).toBe(
      `In /work/app go runs go1.27.3, not the local go1.22.12: the go line of go.mod selects it (GOTOOLCHAIN=auto (GOROOT/go.env)), from the module cache (${CACHE}).`,
    );
    expect(f.evidence).toEqual([
      'go version in /work/app: go version go1.27.3 linux/amd64',
      'go.mod: /work/app/go.mod: go 1.27.3',
      `${CACHE}/bin/go: build info go1.27.3 (elf linux/amd64)`,
    ]);
    expect(f.fix).toBeNull();
  });

  it('names a toolchain found on PATH', () => {
    const s = projectSnapshot({
      goMod: 'module m\n\ngo 1.21\ntoolchain go1.23.4\n',
      version: { stdout: 'go version go1.23.4 linux/amd64\n' },
      toolchain: {
        name: 'go1.23.4',
        onPath: { path: '/usr/local/bin/go1.23.4', realpath: '/usr/lib/go-1.23/bin/go', identity: null },
        moduleCache: null,
        proxy: null,
      },
    });
    expect(only(projectToolchainSwitch(s), 'PROJECT_TOOLCHAIN_SWITCH').message).toMatch(
      /the toolchain line of go\.mod selects it .*from \/usr\/local\/bin\/go1\.23\.4 on PATH\.$/,
    );
  });

  it('stays silent when the local toolchain runs, when go fails in DIR, and without --project', () => {
    expect(projectToolchainSwitch(projectSnapshot())).toEqual([]);
    expect(
      projectToolchainSwitch(projectSnapshot({ version: { exitCode: 1, stderr: 'go: download go1.23.4 for linux/amd64: toolchain not available\n' } })),
    ).toEqual([]);
    for (const name of GENUINE_FIXTURES) expect(projectToolchainSwitch(loadSnapshot(name))).toEqual([]);
  });
});
