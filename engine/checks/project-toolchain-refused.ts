import type { Check } from './finding.js';
import { allowSwitchFix, fileText, goSaid, gotoolchainText, projectView, releaseFor } from '../project/project-view.js';

/** go's gover.TooNewError: "go.mod requires go >= 1.23 (running go 1.22.12; GOTOOLCHAIN=local)". */
const TOO_NEW = /(go\.mod|go\.work) requires go >= (\S+) \(running go ([^;)\s]+)([^)]*)\)/;

/** The go.mod or go.work asks for a newer Go than the toolchain GOTOOLCHAIN lets run in DIR: go refuses to build. */
export const projectToolchainRefused: Check = (facts) => {
  const v = projectView(facts);
  if (!v?.goWorksElsewhere) return [];
  const text = `${v.versionText}\n${v.loadText}`;
  const m = TOO_NEW.exec(text);
  if (!m) return [];
  const [, kind, requires, running] = m as unknown as [string, string, string, string];
  const release = releaseFor(requires);
  const sel = v.selection?.kind === 'run' ? v.selection : null;
  const pinned = sel?.reason === 'gotoolchain' && sel.mode === '' ? v.gotoolchain?.value : null;
  // When go env did not answer in DIR, go's own message still names GOTOOLCHAIN ("; GOTOOLCHAIN=local").
  const said = /GOTOOLCHAIN=(\S+?)(;|$)/.exec(m[4] ?? '')?.[1];
  const setting = v.gotoolchain ? gotoolchainText(v) : said ? `GOTOOLCHAIN=${said} (as go reports)` : 'GOTOOLCHAIN';
  const why = pinned
    ? `${setting} pins that release and forbids switching (no +auto)`
    : v.file?.toolchainLine === 'default'
      ? `its \`toolchain default\` line keeps the default toolchain`
      : `${setting} forbids switching`;
  const allow = pinned ? allowSwitchFix(v, `${pinned}+auto`) : allowSwitchFix(v, 'auto');
  return [
    {
      code: 'PROJECT_TOOLCHAIN_REFUSED',
      severity: 'error',
      message: `go refuses to build ${v.dir}: its ${kind} requires go >= ${requires}, the go that runs is ${running}, and ${why}.`,
      evidence: [goSaid(`go in ${v.dir}`, m[0], 1), ...(v.file ? [`${v.file.kind}: ${fileText(v.file)}`] : []), `GOTOOLCHAIN: ${setting}`],
      fix: `Install Go ${requires} or let go fetch it once: \`GOTOOLCHAIN=${release} go version\` downloads ${release} into the module cache; then ${allow} so the ${kind} can select it. If the project does not need ${requires}, lower the go line in ${v.file?.path ?? kind}.`,
    },
  ];
};
