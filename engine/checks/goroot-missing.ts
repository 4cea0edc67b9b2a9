import type { Check } from './finding.js';
import { evidenceOf, partialRootBesideGo, settingSource, view } from './toolchain-view.js';
import { windowsVariableFix } from './windows-variable-fix.js';

/** Go's own message for this, from cmd/go/main.go; it stops every subcommand, even `go version`. */
const CANNOT_FIND = /cannot find GOROOT directory: ?(.*)/;

export const gorootMissing: Check = (facts) => {
  const v = view(facts);
  if (!v.go) return [];
  const said = CANNOT_FIND.exec(v.goOutput);
  const gone = facts.goroot && !facts.goroot.exists;
  if (!said && !gone) return [];
  // go is inside a partial toolchain tree, not copied out of one: GOROOT_INCOMPLETE says so.
  if (partialRootBesideGo(facts)) return [];
  const trimmed = /binary is trimmed/.test(said?.[1] ?? '');
  const src = settingSource(facts, 'GOROOT');
  const where =
    src?.source === 'environment'
      ? 'the GOROOT environment variable'
      : src?.source === 'user env file'
        ? `GOROOT in ${facts.envFiles.user?.path}`
        : "the go binary's location";
  const evidence = [said ? evidenceOf(facts.commands.version, 2) : `${facts.goroot?.path}: does not exist`];
  if (src && src.source !== 'default') evidence.push(`${where}: ${src.value}`);
  if (facts.goroot?.path && gone)
    evidence.push(`GOROOT ${facts.goroot.path}: ${facts.goroot.realpath === null ? 'missing or a dangling/looping symlink' : 'not a directory'}`);
  return [
    {
      code: 'GOROOT_MISSING',
      severity: 'error',
      message: trimmed
        ? `${v.go.realpath ?? v.go.path} was copied out of its GOROOT; a trimmed go binary cannot find its GOROOT then.`
        : `The GOROOT in effect (${said?.[1]?.trim() || facts.goroot?.path}), from ${where}, does not exist.`,
      evidence,
      fix: trimmed
        ? `Symlink the binary instead of copying it (ln -sf <GOROOT>/bin/go ${v.go.path}), or set GOROOT.`
        : src?.source === 'environment'
          ? facts.platform.os === 'windows'
            ? `${windowsVariableFix('GOROOT')} go finds its own root without it.`
            : 'Unset GOROOT (go finds its own root) or point it at an installed toolchain.'
          : src?.source === 'user env file'
            ? `Remove the GOROOT line from ${facts.envFiles.user?.path} (go env -u GOROOT fails while it is broken).`
            : 'Reinstall Go, or repair the symlink that should lead to its GOROOT.',
    },
  ];
};
