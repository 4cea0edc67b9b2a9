import type { Check } from './finding.js';
import { evidenceOf, isForeign, view } from './toolchain-view.js';

export const binaryWrongArch: Check = (facts) => {
  const go = view(facts).go;
  const id = go?.identity;
  if (!go || !id || !isForeign(facts, id)) return [];
  return [
    {
      code: 'BINARY_WRONG_ARCH',
      severity: 'error',
      message: `${go.realpath ?? go.path} is a ${id.format} binary for ${id.os ?? '?'}/${id.arch ?? '?'}; this machine is ${facts.platform.os}/${facts.platform.arch}.`,
      evidence: [`${go.realpath}: ${id.format}, ${id.os}/${id.arch}${id.go ? `, built by ${id.go.version}` : ''}`, evidenceOf(facts.commands.version)],
      fix: `Install the ${facts.platform.os}-${facts.platform.arch} release of Go instead.`,
    },
  ];
};
