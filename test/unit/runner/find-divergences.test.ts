import { describe, expect, it } from 'vitest';
import type { Report } from '../../../engine/report/build-report.js';
import { findDivergences } from '../../../harness/runner/find-divergences.js';
import type { ScenarioResult } from '../../../harness/runner/run-summary.js';

const result = (provider: string, verdict: Report['verdict'], codes: string[], kind = 'distro'): ScenarioResult => ({
  id: 'debian-golang-go',
  title: 't',
  class: 'genuine',
  provider,
  seenAt: [],
  expected: { verdict: ['ready'], codes: [], forbidden: [] },
  report: {
    schema: 'goverity/report@1',
    target: provider,
    verdict,
    authentic: true,
    provenance: { kind, manager: null, container: provider !== 'vm' },
    go: null,
    findings: codes.map((code) => ({ code, severity: 'info', message: code, evidence: [], fix: '' })),
    timings: { totalMs: 1 },
  } as unknown as Report,
  pass: true,
  why: [],
  error: null,
  timings: { buildMs: 0, startMs: 0, verifyMs: 0, stopMs: 0 },
});

describe('findDivergences', () => {
  it('passes results that agree, ignoring CONTAINER, which only says where the engine ran', () => {
    const out = findDivergences([
      result('docker', 'ready', ['CONTAINER', 'CGO_DISABLED']),
      result('vm', 'ready', ['CGO_DISABLED']),
      result('docker/inside', 'ready', ['CGO_DISABLED', 'CONTAINER']),
    ]);
    expect(out.map((r) => [r.provider, r.pass, r.divergence ?? null])).toEqual([
      ['docker', true, null],
      ['vm', true, null],
      ['docker/inside', true, null],
    ]);
  });

  it('fails a result whose verdict, provenance or codes differ from the first provider, naming each difference', () => {
    const out = findDivergences([result('docker', 'ready', ['CONTAINER']), result('vagrant', 'degraded', ['CONTAINER', 'CC_MISSING'], 'official')]);
    expect(out[0]!.pass).toBe(true);
    expect(out[1]!.pass).toBe(false);
    expect(out[1]!.divergence).toEqual({
      from: 'docker',
      differences: ['verdict degraded vs ready', 'provenance official vs distro', 'codes only here: CC_MISSING'],
    });
    expect(out[1]!.why).toEqual(['diverges from docker: verdict degraded vs ready; provenance official vs distro; codes only here: CC_MISSING']);
  });

  it('compares against the first result that has a report, and leaves errored results alone', () => {
    const errored = { ...result('docker', 'ready', []), report: null, pass: false, error: { phase: 'start' as const, message: 'x', logTail: [] } };
    const out = findDivergences([errored, result('vagrant', 'broken', ['GO_STUB']), result('wine', 'broken', [])]);
    expect(out.map((r) => [r.provider, r.divergence?.differences ?? null])).toEqual([
      ['docker', null],
      ['vagrant', null],
      ['wine', ['codes missing here: GO_STUB']],
    ]);
  });
});
