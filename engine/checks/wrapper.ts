import type { FactSnapshot } from '../facts/fact-snapshot.js';
import type { Check } from './finding.js';
import { view } from './toolchain-view.js';
import { versionManager } from './version-manager.js';

/** GOGCCFLAGS names the per-invocation work dir (go-build<random>), which differs between any two runs of go env. */
const perRun = (value: string) => value.replace(/go-build\d+/g, 'go-build*');

/** Settings the wrapper's `go env` reports differently from the real go asked directly (same directory, same environment). */
function changedSettings(facts: FactSnapshot): { key: string; real: string; wrapped: string }[] {
  const real = facts.behindWrapper?.goEnv;
  const wrapped = facts.goEnv;
  if (!real || !wrapped) return [];
  return [...new Set([...Object.keys(real), ...Object.keys(wrapped)])]
    .sort()
    .filter((k) => perRun(real[k] ?? '') !== perRun(wrapped[k] ?? ''))
    .map((key) => ({ key, real: real[key] ?? '', wrapped: wrapped[key] ?? '' }));
}

/** A script or program in front of a real go: info while it changes nothing go uses, a warning when it does. */
export const wrapper: Check = (facts) => {
  const v = view(facts);
  if (!v.go || !v.isIndirection || versionManager(facts) || !v.toolchainBinary || !facts.goroot || !facts.goEnv) return [];
  const changed = changedSettings(facts);
  const kind = v.go.identity?.format === 'script' || v.go.scriptHead !== null ? 'script' : 'program';
  return [
    {
      code: 'WRAPPER',
      severity: changed.length > 0 ? 'warning' : 'info',
      message:
        `${v.go.path} is a ${kind} in front of the real go at ${facts.goroot.binaryPath}` +
        (changed.length > 0 ? `, and it changes what go uses: ${changed.map((c) => c.key).join(', ')}.` : '.'),
      evidence: [
        `chain: ${[...v.go.hops.map((h) => h.path), facts.goroot.binaryPath].join(' → ')}`,
        ...(v.go.scriptHead ? [`${v.go.realpath}: ${v.go.scriptHead.split(/\r?\n/).slice(0, 4).join(' | ').slice(0, 240)}`] : []),
        ...changed
          .slice(0, 6)
          .map(
            (c) => `go env ${c.key}: ${JSON.stringify(c.wrapped)} through ${v.go!.path}, ${JSON.stringify(c.real)} from ${facts.behindWrapper!.binary} itself`,
          ),
      ],
      fix:
        changed.length > 0
          ? `Set ${changed.map((c) => c.key).join(', ')} where you can see it (the environment or go env -w) instead of in ${v.go.realpath ?? v.go.path}, or put ${facts.goroot.binaryPath} first on PATH.`
          : null,
    },
  ];
};
