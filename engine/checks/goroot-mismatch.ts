import type { Check } from './finding.js';
import { evidenceOf, settingSource, view } from './toolchain-view.js';
import { windowsVariableFix } from './windows-variable-fix.js';

const RELEASE = /^go\d/;

/** The GOROOT in effect holds another release than the go command that uses it (a stale GOROOT variable, most often). */
export const gorootMismatch: Check = (facts) => {
  const v = view(facts);
  const g = facts.goroot;
  if (!v.go || !g?.exists || v.isGccgo) return [];
  const running = v.goEnvVersion ?? v.builtVersion;
  const rootVersion = g.versionFile ?? g.binary?.go?.version ?? null;
  const compileSays = /version "(go[^"]+)" does not match go tool version "(go[^"]+)"/.exec(v.goOutput);
  const differs = running && rootVersion && RELEASE.test(running) && RELEASE.test(rootVersion) && running !== rootVersion;
  // When GOROOT is the go command's own release, a compile of another version is a skewed tool inside it: TOOLCHAIN_MISMATCH.
  const agrees = !!running && running === rootVersion;
  if (!differs && (!compileSays || agrees)) return [];
  const src = settingSource(facts, 'GOROOT');
  return [
    {
      code: 'GOROOT_MISMATCH',
      severity: 'error',
      message: `GOROOT ${g.path} holds ${rootVersion ?? compileSays?.[1]}, but the go command is ${running ?? compileSays?.[2]}.`,
      evidence: [
        `${g.path}${facts.platform.os === 'windows' ? '\\' : '/'}VERSION: ${g.versionFile ?? '(absent)'}`,
        `go env GOVERSION: ${v.goEnvVersion ?? '(none)'}; build info of ${v.go.realpath}: ${v.builtVersion ?? '(none)'}`,
        ...(src && src.source !== 'default' ? [`GOROOT set by ${src.source}: ${src.value}`] : []),
        ...(compileSays ? [evidenceOf(facts.commands.buildPure, 3)] : []),
      ],
      fix:
        src?.source === 'environment'
          ? facts.platform.os === 'windows'
            ? `${windowsVariableFix('GOROOT')} The go command finds its own root.`
            : 'Unset GOROOT: the go command finds its own root. (Version managers set it per version; check your shell profile.)'
          : src?.source === 'user env file'
            ? 'Run `go env -u GOROOT`.'
            : `Reinstall Go so ${g.path} and the go binary come from the same release.`,
    },
  ];
};
