import type { Check } from './finding.js';
import { evidenceOf, ok, settingSource, view } from './toolchain-view.js';

/** Go's own messages from cmd/go/internal/toolchain (select.go, exec.go). */
export const SWITCH_ERRORS =
  /go: downloading go\S+ \(|toolchain not available|cannot find "go\S*" in PATH|invalid GOTOOLCHAIN|invalid toolchain|too many toolchain switches|requires go >= \S+ \(running go \S+; GOTOOLCHAIN=/;

export const toolchainSwitchFailed: Check = (facts) => {
  const v = view(facts);
  const ver = facts.commands.version;
  if (!v.go || !ver || ok(ver) || ver.timedOut) return [];
  const text = `${ver.stdout}\n${ver.stderr}`;
  if (!SWITCH_ERRORS.test(text)) return [];
  const src = settingSource(facts, 'GOTOOLCHAIN');
  const localWorks = ok(facts.commands.versionLocal);
  return [
    {
      code: 'TOOLCHAIN_SWITCH_FAILED',
      severity: 'error',
      message: `The toolchain GOTOOLCHAIN selects cannot be run${src ? ` (GOTOOLCHAIN=${src.value} from ${src.source})` : ''}${localWorks ? `; the local ${v.printedLocalVersion} works` : ''}.`,
      evidence: [evidenceOf(ver, 3), evidenceOf(facts.commands.versionLocal, 1)],
      fix:
        src?.source === 'user env file'
          ? 'GOTOOLCHAIN=local go env -u GOTOOLCHAIN (or install the selected release where go can find it).'
          : src?.source === 'environment'
            ? 'Unset GOTOOLCHAIN or set it to local, or make the selected release available (module cache or goX.Y.Z on PATH).'
            : 'Set GOTOOLCHAIN=local, or make the selected release available (module cache or goX.Y.Z on PATH).',
    },
  ];
};
