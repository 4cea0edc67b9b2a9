import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../engine/report/build-report.js';
import { parseReport } from '../../../engine/report/parse-report.js';
import { loadSnapshot } from '../snapshot-builders.js';
import { projectSnapshot } from './project-snapshots.js';

const CACHE = '/root/go/pkg/mod/golang.org/toolchain@v0.0.1-go1.27.3.linux-amd64';

describe('report@1 project object (verify --project)', () => {
  it('says which toolchain the project selects, runs and where it comes from', () => {
    const s = projectSnapshot({
      goMod: 'module m\n\ngo 1.27.3\n',
      version: { stdout: 'go version go1.27.3 linux/amd64\n' },
      toolchain: { name: 'go1.27.3', onPath: null, moduleCache: { dir: CACHE, binaryPath: `${CACHE}/bin/go`, present: true, identity: null }, proxy: null },
    });
    const r = buildReport(s);
    expect(r.project).toEqual({
      dir: '/work/app',
      mode: 'module',
      gomod: '/work/app/go.mod',
      gowork: null,
      file: { path: '/work/app/go.mod', kind: 'go.mod', go: '1.27.3', toolchain: null },
      gotoolchain: { value: 'auto', source: 'GOROOT/go.env' },
      local: 'go1.22.12',
      selected: { toolchain: 'go1.27.3', reason: 'go-line', mode: 'auto' },
      runs: 'go1.27.3',
      source: 'module-cache',
      loads: true,
    });
    expect(r.verdict).toBe('ready');
    expect(parseReport(JSON.stringify(r)).project).toEqual(r.project);
  });

  it('is a go.work workspace when a go.work governs, and null fields where go could not answer', () => {
    const s = projectSnapshot({
      goWork: 'go 1.22\ntoolchain go1.99.1\nuse .\n',
      version: { exitCode: 1, stderr: 'go: download go1.99.1 for linux/amd64: toolchain not available\n' },
    });
    const r = buildReport(s);
    expect(r.project).toMatchObject({
      mode: 'workspace',
      gowork: '/work/app/go.work',
      file: { kind: 'go.work', toolchain: 'go1.99.1' },
      selected: { toolchain: 'go1.99.1', reason: 'toolchain-line' },
      runs: null,
      source: null,
    });
    expect(r.verdict).toBe('broken');
  });

  it('is absent from a report without --project', () => {
    expect('project' in buildReport(loadSnapshot('linux-debian-copy-usr-local'))).toBe(false);
  });
});
