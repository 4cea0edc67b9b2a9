import type { Check } from './finding.js';
import { danglingShim } from './version-manager.js';

/**
 * No go on PATH that a shell could run: none at all, or only links whose target does not exist (a shell skips them
 * and says "go: not found"). A manager's dangling shim is SHIM_UNRESOLVED's: the manager still holds a Go.
 */
export const goNotFound: Check = (facts) => {
  if (facts.candidates.some((c) => c.executable || c.realpath !== null) || danglingShim(facts)) return [];
  const dangling = facts.candidates.map((c) => {
    const last = c.hops.at(-1);
    return `${c.path}: leads to ${last?.path ?? '?'}, ${last?.type === 'loop' ? 'a symlink loop' : 'which does not exist'}`;
  });
  return [
    {
      code: 'GO_NOT_FOUND',
      severity: 'error',
      message: dangling.length
        ? `No \`go\` on PATH runs: ${facts.candidates.map((c) => c.path).join(', ')} ${dangling.length === 1 ? 'is a link that resolves' : 'are links that resolve'} to nothing.`
        : 'No `go` on PATH.',
      evidence: [
        `PATH (${facts.pathEntries.length} entries): ${facts.pathEntries.join(facts.platform.os === 'windows' ? ';' : ':') || '(empty)'}`,
        ...dangling,
      ],
      fix: dangling.length
        ? `Remove the dangling ${dangling.length === 1 ? 'link' : 'links'} or point ${dangling.length === 1 ? 'it' : 'them'} at an installed go; or install Go (https://go.dev/doc/install or your package manager) and put its bin directory on PATH.`
        : 'Install Go (https://go.dev/doc/install or your package manager) and put its bin directory on PATH.',
    },
  ];
};
