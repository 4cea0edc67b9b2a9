import { describe, expect, it } from 'vitest';
import type { Report } from '../../engine/report/build-report.js';
import { judgeReport } from '../../harness/scenarios/judge-report.js';
import type { Scenario } from '../../harness/scenarios/scenario.js';

const s: Scenario = {
  id: 'x',
  title: 'x',
  class: 'genuine',
  breaks: '-',
  platform: 'linux',
  seenAt: [],
  file: 'x.json',
  image: { from: 'go-1.19' },
  expect: { verdict: ['ready'], codes: ['CONTAINER'], forbidden: [] },
};
const report = (codes: string[]) =>
  ({
    verdict: 'ready',
    authentic: true,
    provenance: { kind: 'distro', manager: null, container: false },
    findings: codes.map((code) => ({ code, severity: 'info' })),
  }) as unknown as Report;

describe('judgeReport', () => {
  it('requires CONTAINER from a container provider, and not from a VM, which is no container', () => {
    expect(judgeReport(s, report([]), 'container').why).toEqual(['expected CONTAINER, got none']);
    expect(judgeReport(s, report([]), 'vm')).toEqual({ pass: true, why: [] });
  });
});
