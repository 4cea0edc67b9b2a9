import type { Check } from './finding.js';
import { evidenceOf, settingSource, view } from './toolchain-view.js';

/** GOTOOLCHAIN (environment, env file or go.env) runs another Go than the local one: genuine, but worth knowing. */
export const toolchainSwitch: Check = (facts) => {
  const v = view(facts);
  if (!v.printedVersion || !v.printedLocalVersion || v.printedVersion === v.printedLocalVersion) return [];
  const src = settingSource(facts, 'GOTOOLCHAIN');
  return [
    {
      code: 'TOOLCHAIN_SWITCH',
      severity: 'info',
      message: `go runs ${v.printedVersion} instead of the local ${v.printedLocalVersion}${src ? ` (GOTOOLCHAIN=${src.value} from ${src.source})` : ''}.`,
      evidence: [evidenceOf(facts.commands.version, 1), evidenceOf(facts.commands.versionLocal, 1), `go env GOROOT: ${facts.goEnv?.GOROOT ?? '?'}`],
      fix: src?.source === 'user env file' ? 'If unintended: go env -u GOTOOLCHAIN' : src?.source === 'environment' ? 'If unintended: unset GOTOOLCHAIN' : null,
    },
  ];
};
