import type { Check } from './finding.js';
import { goSaid } from './go-said.js';
import { view } from './toolchain-view.js';

/**
 * `.`, an empty element or a relative directory on PATH: a go, gcc or tool in whatever directory you stand in
 * runs instead of the installed one. Go ≥1.19's os/exec refuses such hits (https://go.dev/blog/path-security).
 */
export const pathRelative: Check = (facts) => {
  if (!view(facts).go) return [];
  const windows = facts.platform.os === 'windows';
  // Windows entries may still hold an unexpanded %VAR%; those are not relative, just unresolved.
  const relative = facts.pathEntries.map((e, i) => [e, i] as const).filter(([e]) => (windows ? !/^([A-Za-z]:[\\/]|\\\\|%)/.test(e) : !e.startsWith('/')));
  if (relative.length === 0) return [];
  const said = goSaid(facts, /found relative to current directory/);
  return [
    {
      code: 'PATH_RELATIVE',
      severity: 'warning',
      message: `PATH holds ${relative.map(([e]) => `"${e}"`).join(', ')}: a go, C compiler or tool in whatever directory you are in runs instead of the installed one.`,
      evidence: [
        ...relative.map(([e, i]) => `PATH entry ${i + 1}: ${e}${e === '.' && !windows ? ' (or an empty element)' : ''}`),
        ...(said ? [said.evidence] : []),
      ],
      fix: `Remove the relative entries from PATH (on Unix also empty ones: a leading, trailing or doubled '${windows ? ';' : ':'}'), and run programs in the current directory as ./name.`,
    },
  ];
};
