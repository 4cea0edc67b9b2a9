import type { Check } from './finding.js';
import { settingSource } from './toolchain-view.js';

/**
 * No C compiler where cgo wants one. Since Go 1.20 go also turns cgo off silently when the default CC is
 * missing (cmd/go/internal/cfg defaultContext), which is the same capability lost without a word.
 */
export const cgoToolchainMissing: Check = (facts) => {
  const env = facts.goEnv;
  if (!env || !facts.cc || facts.cc.path) return [];
  const src = settingSource(facts, 'CGO_ENABLED');
  const silentlyOff = env.CGO_ENABLED === '0' && (!src || src.source === 'default');
  if (env.CGO_ENABLED !== '1' && !silentlyOff) return [];
  return [
    {
      code: 'CGO_TOOLCHAIN_MISSING',
      severity: 'warning',
      message: silentlyOff
        ? `No C compiler (${facts.cc.name}) is installed, so go silently builds without cgo; packages that need cgo (${facts.platform.os === 'windows' ? 'sqlite3, GUI and system bindings' : 'the system DNS resolver and user lookups in net and os/user, sqlite3'}, ...) will not build.`
        : `cgo is on but the C compiler go env CC names (${facts.cc.name}) is not on PATH.`,
      evidence: [
        `go env CC: ${env.CC ?? '(unset)'}`,
        `go env CGO_ENABLED: ${env.CGO_ENABLED}${src && src.source !== 'default' ? ` (${src.source})` : ''}`,
        `${facts.cc.name}: not found on PATH`,
      ],
      fix:
        facts.platform.os === 'windows'
          ? 'Install a C compiler (e.g. MSYS2 mingw-w64 gcc) and put it on PATH, or set CGO_ENABLED=0 deliberately.'
          : facts.platform.os === 'darwin'
            ? 'xcode-select --install (or set CGO_ENABLED=0 deliberately).'
            : `Install a C compiler (Debian/Ubuntu: apt-get install gcc libc6-dev), fix CC, or set CGO_ENABLED=0 deliberately.`,
    },
  ];
};
