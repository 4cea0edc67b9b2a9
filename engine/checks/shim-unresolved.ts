import type { Check } from './finding.js';
import { evidenceOf, view } from './toolchain-view.js';
import { managerFact } from './version-manager.js';

/** A manager's shim (in the root of a manager with a Go installed) that cannot pick a version or find its target ("No version is set for command go"...). */
export const shimUnresolved: Check = (facts) => {
  const v = view(facts);
  const m = managerFact(facts);
  if (!v.go || !m || !v.isIndirection || v.goRuns || facts.commands.version?.timedOut) return [];
  const manager = m.name;
  return [
    {
      code: 'SHIM_UNRESOLVED',
      severity: 'error',
      message: `The ${manager} shim at ${v.go.path} cannot resolve a Go version.`,
      evidence: [evidenceOf(facts.commands.version, 3), `${manager} root ${m.root}: installed ${m.installed.join(', ') || 'nothing'}`],
      fix:
        manager === 'asdf'
          ? 'asdf install golang <version> && asdf set golang <version> (or add it to .tool-versions); then asdf reshim golang.'
          : manager === 'goenv'
            ? 'goenv install <version> && goenv global <version> (or fix .go-version); then goenv rehash.'
            : manager === 'mise'
              ? 'mise use -g go@<version>'
              : `Install a Go version with ${manager} and select it.`,
    },
  ];
};
