import type { Check } from './finding.js';
import { evidenceOf, isForeign, ok, view } from './toolchain-view.js';

/**
 * A binary for another OS/arch. When the OS runs it anyway (Rosetta 2, Windows-on-ARM x64 emulation,
 * qemu-user binfmt) it is a usable, genuine toolchain: BINARY_EMULATED, info. Otherwise it is not usable.
 */
export const binaryWrongArch: Check = (facts) => {
  const go = view(facts).go;
  const id = go?.identity;
  if (!go || !id || !isForeign(facts, id)) return [];
  const what = `${go.realpath ?? go.path} is a ${id.format} binary for ${id.os ?? '?'}/${id.arch ?? '?'}; this machine is ${facts.platform.os}/${facts.platform.arch}`;
  const evidence = [`${go.realpath}: ${id.format}, ${id.os}/${id.arch}${id.go ? `, built by ${id.go.version}` : ''}`, evidenceOf(facts.commands.version)];
  if (ok(facts.commands.version) && id.os === facts.platform.os)
    return [
      {
        code: 'BINARY_EMULATED',
        severity: 'info',
        message: `${what}, and runs under emulation (slower builds; binaries default to ${id.arch}).`,
        evidence,
        fix: `For native speed install the ${facts.platform.os}-${facts.platform.arch} release of Go.`,
      },
    ];
  return [
    {
      code: 'BINARY_WRONG_ARCH',
      severity: 'error',
      message: `${what}.`,
      evidence,
      fix: `Install the ${facts.platform.os}-${facts.platform.arch} release of Go instead.`,
    },
  ];
};
