import { describe, expect, it } from 'vitest';
import { REPORT_SCHEMA, type Report } from '../../../engine/report/build-report.js';
import { parseReport } from '../../../engine/report/parse-report.js';

const report: Report = {
  schema: REPORT_SCHEMA,
  target: 'local',
  verdict: 'broken',
  authentic: false,
  provenance: { kind: 'unknown', manager: null, container: true },
  go: { path: '/usr/local/bin/go', resolved: '/usr/local/bin/go', version: 'go1.22.5', goroot: null, chain: ['/usr/local/bin/go'] },
  findings: [{ code: 'GO_STUB', severity: 'error', message: 'a stub', evidence: ['/usr/local/bin/go: script'], fix: null }],
  timings: { totalMs: 812, path: 3 },
};

const mutated = (change: (r: Record<string, unknown>) => void): string => {
  const r = structuredClone(report) as unknown as Record<string, unknown>;
  change(r);
  return JSON.stringify(r);
};

describe('parseReport', () => {
  it('returns a goverity/report@1 as printed by verify --json, absent ones included', () => {
    expect(parseReport(JSON.stringify(report, null, 2))).toEqual(report);
    expect(parseReport(mutated((r) => Object.assign(r, { verdict: 'absent', authentic: null, go: null })))).toMatchObject({ verdict: 'absent', go: null });
  });

  it('names what is wrong: no output, not JSON, another schema, a field of the wrong shape', () => {
    expect(() => parseReport('')).toThrow('not a goverity/report@1: nothing was printed');
    expect(() => parseReport('goverity: boom')).toThrow(/not a goverity\/report@1: Unexpected token/);
    expect(() => parseReport('[]')).toThrow('not a JSON object');
    expect(() => parseReport(mutated((r) => (r.schema = 'goverity/report@2')))).toThrow('schema is "goverity/report@2"');
    expect(() => parseReport(mutated((r) => (r.verdict = 'fine')))).toThrow('verdict "fine" is not one of ready, degraded, broken, absent');
    expect(() => parseReport(mutated((r) => (r.authentic = 'yes')))).toThrow('authentic');
    expect(() => parseReport(mutated((r) => (r.provenance = { kind: 'official' })))).toThrow('provenance');
    expect(() => parseReport(mutated((r) => ((r.go as Record<string, unknown>).chain = 'x')))).toThrow('go.chain must be array');
    expect(() => parseReport(mutated((r) => ((r.findings as Record<string, unknown>[])[0]!.severity = 'fatal')))).toThrow('findings[0]');
    expect(() => parseReport(mutated((r) => ((r.findings as Record<string, unknown>[])[0]!.code = 'GO_FAKE')))).toThrow(
      'findings[0].code "GO_FAKE" is not a finding code',
    );
    expect(() => parseReport(mutated((r) => (r.timings = {})))).toThrow('timings');
  });
});
