import type { Check } from './finding.js';
import { projectView } from '../project/project-view.js';
import { settingSource } from './toolchain-view.js';

/**
 * go builds DIR in GOPATH mode (go env GOMOD is empty): GO111MODULE=off, or GO111MODULE=auto and no go.mod in DIR or
 * above (https://go.dev/ref/mod#mod-commands). go.mod's go and toolchain lines, go.sum and versions are then ignored.
 */
export const projectGopathMode: Check = (facts) => {
  const v = projectView(facts);
  if (v?.mode !== 'gopath') return [];
  const env = v.project.env!;
  const g = settingSource(facts, 'GO111MODULE');
  const value = env.GO111MODULE || g?.value || '';
  const gopathSrc = (env.GOPATH ?? '')
    .split(facts.platform.os === 'windows' ? ';' : ':')
    .filter(Boolean)
    .map((p) => `${p}/src/`);
  const inside = gopathSrc.find((s) => `${v.dir.replace(/\\/g, '/')}/`.startsWith(s.replace(/\\/g, '/')));
  const importPath = inside ? `${v.dir.replace(/\\/g, '/')}/`.slice(inside.length).replace(/\/$/, '') : null;
  const why =
    value === 'off'
      ? `GO111MODULE=off (${g?.source ?? 'go env'})`
      : `GO111MODULE=${value || 'auto'}${g ? ` (${g.source})` : ''} and no go.mod in ${v.dir} or above`;
  return [
    {
      code: 'PROJECT_GOPATH_MODE',
      severity: 'warning',
      message: `go builds ${v.dir} in GOPATH mode: ${why}${inside ? `, inside GOPATH/src (${inside})` : ''}. Imports resolve from GOPATH, with no versions, no go.sum and no toolchain selection.`,
      evidence: [`go env GOMOD in ${v.dir}: "" (GOPATH mode)`, `GO111MODULE=${value || '(unset)'}${g ? ` (${g.source})` : ''}`, `GOPATH=${env.GOPATH ?? '?'}`],
      fix:
        value === 'off'
          ? `${g?.source === 'user env file' ? 'go env -u GO111MODULE' : 'unset GO111MODULE'}${v.project.modFile ? '' : `, then cd ${v.dir} && go mod init${importPath ? ` ${importPath}` : ''}`}`
          : `cd ${v.dir} && go mod init${importPath ? ` ${importPath}` : ' <module path>'} && go mod tidy (module mode; ${g?.source === 'user env file' ? 'go env -u GO111MODULE' : 'unset GO111MODULE'} so it stays on)`,
    },
  ];
};
