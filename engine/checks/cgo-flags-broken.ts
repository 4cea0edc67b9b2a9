import type { Check } from './finding.js';
import { unsetAdvice } from './go-said.js';
import { commandText, ok, settingSource } from './toolchain-view.js';

const FLAG_VARS = ['CGO_CFLAGS', 'CGO_CPPFLAGS', 'CGO_CXXFLAGS', 'CGO_LDFLAGS'] as const;

/** A CGO_*FLAGS value the C compiler or linker rejects: every cgo build fails, and the error names the flag. */
export const cgoFlagsBroken: Check = (facts) => {
  const { buildCgo, buildPure } = facts.commands;
  if (!buildCgo || ok(buildCgo) || !ok(buildPure)) return [];
  const lines = commandText(buildCgo).split('\n');
  const hits = FLAG_VARS.flatMap((k) => {
    const s = settingSource(facts, k);
    if (!s || s.source === 'default' || !s.value.trim()) return [];
    // A flag is to blame when the compiler's complaint names it: `cannot find -lfoo`, `unrecognized command-line option '-mfoo'`.
    const tokens = s.value.split(/\s+/).filter((t) => t.length > 2);
    const line = lines.find((l) => tokens.some((t) => l.includes(t) && !l.includes(`${k}=`)) && /error|cannot|unrecognized|invalid|not found|No such/i.test(l));
    return line ? [{ k, s, line: line.trim() }] : [];
  });
  if (hits.length === 0) return [];
  return [
    {
      code: 'CGO_FLAGS_BROKEN',
      severity: 'warning',
      message: `${hits.map((h) => `${h.k}="${h.s.value}"`).join(' and ')} (${hits[0]!.s.source}) is passed to every cgo build and ${facts.goEnv?.CC || 'the C compiler'} rejects it: "${hits[0]!.line.slice(0, 200)}".`,
      evidence: hits.map((h) => `${h.k}=${h.s.value} (${h.s.source}); ${buildCgo.argv.join(' ')}: ${h.line.slice(0, 300)}`),
      fix: `${hits.map((h) => unsetAdvice(h.k, h.s.source)).join('; ')}, or correct the flags (a library named by -l must be installed, with its -L directory).`,
    },
  ];
};
