import type { Check } from './finding.js';

export const multipleToolchains: Check = (facts) => {
  const distinct = new Map<string, string>();
  for (const t of facts.toolchains) if (t.version && !distinct.has(t.version)) distinct.set(t.version, t.root);
  if (distinct.size < 2) return [];
  return [
    {
      code: 'MULTIPLE_TOOLCHAINS',
      severity: 'info',
      message: `${distinct.size} Go releases are installed: ${[...distinct.keys()].join(', ')}.`,
      evidence: facts.toolchains.map((t) => `${t.root}: ${t.version} (${t.source})`),
      fix: null,
    },
  ];
};
