import type { Check, Finding } from './finding.js';
import { goFailsInProject, goSaid } from '../project/project-view.js';
import { evidenceOf, view } from './toolchain-view.js';
import { danglingShim, managerFact } from './version-manager.js';
import type { ManagerFact } from '../facts/fact-snapshot.js';

/**
 * A manager's shim (in the root of a manager with a Go installed) that cannot pick a version or find its target ("No
 * version is set for command go"...), that links to a manager program which is gone, or that works elsewhere but cannot
 * resolve the version the project directory pins.
 */
export const shimUnresolved: Check = (facts) => {
  const v = view(facts);
  const dangling = danglingShim(facts);
  if (dangling) {
    const { candidate, manager: m, missing } = dangling;
    const links = candidate.hops.filter((h) => h.type === 'symlink').map((h) => `${h.path} → ${h.linkTarget ?? '?'}`);
    return [
      unresolved(
        m,
        `The ${m.name} shim at ${candidate.path} leads to ${missing}, which does not exist, so no go runs.`,
        [...links, `${missing}: does not exist`],
        `Put ${m.name} back at ${missing} (reinstall it) and run its reshim, or take ${candidate.dir} off PATH.`,
      ),
    ];
  }
  const m = managerFact(facts);
  if (!v.go || !m || !v.isIndirection || facts.commands.version?.timedOut) return [];
  if (!v.goRuns) {
    return [unresolved(m, `The ${m.name} shim at ${v.go.path} cannot resolve a Go version.`, [evidenceOf(facts.commands.version, 3)], selectFix(m.name))];
  }
  const project = goFailsInProject(facts);
  if (!project) return [];
  return [
    unresolved(
      m,
      `In ${project.dir} the ${m.name} shim at ${v.go.path} cannot resolve a Go version, though it runs ${facts.goEnv?.GOVERSION ?? 'one'} elsewhere.`,
      [goSaid(`go version in ${project.dir}`, project.text, 3)],
      projectFix(m.name, project.dir),
    ),
  ];
};

function unresolved(m: ManagerFact, message: string, evidence: string[], fix: string): Finding {
  return {
    code: 'SHIM_UNRESOLVED',
    severity: 'error',
    message,
    evidence: [...evidence, `${m.name} root ${m.root}: installed ${m.installed.join(', ') || 'nothing'}`],
    fix,
  };
}

function selectFix(manager: string): string {
  if (manager === 'asdf') return 'asdf install golang <version> && asdf set golang <version> (or add it to .tool-versions); then asdf reshim golang.';
  if (manager === 'goenv') return 'goenv install <version> && goenv global <version> (or fix .go-version); then goenv rehash.';
  if (manager === 'mise') return 'mise use -g go@<version>';
  return `Install a Go version with ${manager} and select it.`;
}

/** Each manager's command that installs the versions a directory's own version files pin. */
function projectFix(manager: string, dir: string): string {
  const install = manager === 'asdf' ? 'asdf install' : manager === 'goenv' ? 'goenv install' : manager === 'mise' ? 'mise install' : null;
  return install
    ? `Install the version ${dir} pins: \`cd ${dir} && ${install}\` where its download site is reachable, or change the pin to an installed version (${manager === 'mise' ? 'mise ls' : `${manager} list`} shows them).`
    : `Install the Go version ${dir} pins with ${manager}, or change the pin to an installed version.`;
}
