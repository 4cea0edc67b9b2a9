import { describe, expect, it } from 'vitest';
import { keyFindings } from '../../../harness/reporters/key-findings.js';
import type { ScenarioResult } from '../../../harness/runner/run-summary.js';
import { sampleRun } from './sample-run.js';

const result = (id: string, provider: string) => sampleRun().scenarios.find((r) => r.id === id && r.provider === provider)!;
const codes = (r: ScenarioResult) => keyFindings(r).map((f) => f.code);

describe('keyFindings', () => {
  it('takes the finding a why line blames, not those it lists after "got"', () => {
    expect(codes(result('hostile-markup', 'docker'))).toEqual(['GOFLAGS_OVERRIDE']);
  });

  it('adds errors and warnings after the blamed ones', () => {
    const r = { ...result('goroot-other-release', 'docker'), pass: false, why: ['forbidden BUILD_FAILED was raised: Building a hello-world program failed.'] };
    expect(codes(r)).toEqual(['BUILD_FAILED', 'GOROOT_MISMATCH']);
  });

  it('falls back to every finding when none is an error or warning', () => {
    const r = { ...result('debian-golang-go', 'docker'), pass: false, why: ['expected verdict degraded, got ready'] };
    expect(codes(r)).toEqual(['CONTAINER']);
  });

  it('is empty without a report', () => {
    expect(codes(result('wrapper-version-lie', 'docker'))).toEqual([]);
  });
});
