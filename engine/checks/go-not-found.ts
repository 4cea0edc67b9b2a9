import type { Check } from './finding.js';

export const goNotFound: Check = (facts) =>
  facts.candidates.length > 0
    ? []
    : [
        {
          code: 'GO_NOT_FOUND',
          severity: 'error',
          message: 'No `go` on PATH.',
          evidence: [`PATH (${facts.pathEntries.length} entries): ${facts.pathEntries.join(facts.platform.os === 'windows' ? ';' : ':') || '(empty)'}`],
          fix: 'Install Go (https://go.dev/doc/install or your package manager) and put its bin directory on PATH.',
        },
      ];
