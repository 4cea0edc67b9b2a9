import type { Check } from './finding.js';
import { evidenceOf, view } from './toolchain-view.js';
import { versionManager } from './version-manager.js';

/** A manager's shim that cannot pick a version or find its target ("No version is set for command go"...). */
export const shimUnresolved: Check = (facts) => {
  const v = view(facts);
  const manager = versionManager(facts);
  if (!v.go || !manager || !v.isIndirection || v.goRuns || facts.commands.version?.timedOut) return [];
  const m = facts.managers.find((x) => x.name === manager);
  return [
    {
      code: 'SHIM_UNRESOLVED',
      severity: 'error',
      message: `The ${manager} shim at ${v.go.path} cannot resolve a Go version.`,
      evidence: [evidenceOf(facts.commands.version, 3), m ? `${manager} root ${m.root}: installed ${m.installed.join(', ') || 'nothing'}` : `${manager} root not found`],
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
