import type { Check } from './finding.js';

export const container: Check = (facts) =>
  facts.container.detected
    ? [{ code: 'CONTAINER', severity: 'info', message: 'The target is a container.', evidence: facts.container.evidence, fix: null }]
    : [];
