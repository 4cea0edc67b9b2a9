import { describe, expect, it } from 'vitest';
import { projectGopathMode } from '../../../engine/checks/project-gopath-mode.js';
import { GENUINE_FIXTURES, loadSnapshot, only, withEnv } from '../snapshot-builders.js';
import { projectSnapshot } from '../project/project-snapshots.js';
import type { FactSnapshot } from '../../../engine/facts/fact-snapshot.js';

function inGopathSrc(go111module: string): FactSnapshot {
  const s = projectSnapshot(
    { goMod: null, env: { GOMOD: '', GO111MODULE: go111module } },
    withEnv(loadSnapshot('linux-debian-copy-usr-local'), { GO111MODULE: go111module }),
  );
  s.project!.dir = '/root/go/src/example.com/app';
  return s;
}

describe('project-gopath-mode (PROJECT_GOPATH_MODE)', () => {
  it('warns when GO111MODULE=auto and no go.mod put a project inside GOPATH/src in GOPATH mode, with the go mod init to run', () => {
    const f = only(projectGopathMode(inGopathSrc('auto')), 'PROJECT_GOPATH_MODE');
    expect(f.severity).toBe('warning');
    expect(f.message).toBe(
      'go builds /root/go/src/example.com/app in GOPATH mode: GO111MODULE=auto (environment) and no go.mod in /root/go/src/example.com/app or above, inside GOPATH/src (/root/go/src/). Imports resolve from GOPATH, with no versions, no go.sum and no toolchain selection.',
    );
    expect(f.evidence).toEqual(['go env GOMOD in /root/go/src/example.com/app: "" (GOPATH mode)', 'GO111MODULE=auto (environment)', 'GOPATH=/root/go']);
    expect(f.fix).toBe('cd /root/go/src/example.com/app && go mod init example.com/app && go mod tidy (module mode; unset GO111MODULE so it stays on)');
  });

  it('names GO111MODULE=off as the cause when modules are off', () => {
    const f = only(projectGopathMode(inGopathSrc('off')), 'PROJECT_GOPATH_MODE');
    expect(f.message).toMatch(/^go builds \/root\/go\/src\/example\.com\/app in GOPATH mode: GO111MODULE=off \(environment\), inside GOPATH\/src/);
    expect(f.fix).toBe('unset GO111MODULE, then cd /root/go/src/example.com/app && go mod init example.com/app');
  });

  it('stays silent in module mode (a go.mod, or none: GOMOD=/dev/null) and without --project', () => {
    expect(projectGopathMode(projectSnapshot())).toEqual([]);
    expect(projectGopathMode(projectSnapshot({ goMod: null }))).toEqual([]);
    for (const name of GENUINE_FIXTURES) expect(projectGopathMode(loadSnapshot(name))).toEqual([]);
  });
});
