import type { Check } from './finding.js';
import { goSaid, unsetAdvice } from './go-said.js';
import { ok, settingSource } from './toolchain-view.js';

// The value of -toolexec or -overlay, in either spelling: -toolexec=x, -toolexec x, with one or two dashes.
const FLAG = /(?:^|\s)--?(toolexec|overlay)(?:=|\s+)(\S+)/g;

/**
 * GOFLAGS with -toolexec (every compile, asm and link runs through another program) or -overlay (other files
 * stand in for the sources): whatever go builds is what that program or file says, on every build.
 */
export const buildIntercepted: Check = (facts) => {
  const s = settingSource(facts, 'GOFLAGS');
  if (!s || s.source === 'default') return [];
  const flags = [...s.value.matchAll(FLAG)].map((m) => ({ flag: m[1]!, value: m[2]! }));
  if (flags.length === 0) return [];
  const said = goSaid(facts, new RegExp(flags.map((f) => `${escapeRegExp(f.value)}|reading overlay|-toolexec`).join('|')));
  const failed = !ok(facts.commands.buildPure) && !!said;
  const what = flags
    .map((f) =>
      f.flag === 'toolexec'
        ? `runs every compiler, assembler and linker call through ${f.value} (-toolexec)`
        : `replaces source files as ${f.value} lists them (-overlay)`,
    )
    .join(' and ');
  return [
    {
      code: 'BUILD_INTERCEPTED',
      severity: failed ? 'error' : 'warning',
      message: `GOFLAGS (${s.source}) ${what}${failed ? `, and builds fail: "${said!.line}"` : ': what gets built is up to it, on every build'}.`,
      evidence: [`GOFLAGS=${s.value} (${s.source})`, ...(said ? [said.evidence] : [])],
      fix: `${unsetAdvice('GOFLAGS', s.source)} (or drop ${flags.map((f) => `-${f.flag}`).join(' and ')} from it), and pass such flags on the one command that needs them.`,
    },
  ];
};

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
