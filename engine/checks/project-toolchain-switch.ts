import type { Check } from './finding.js';
import { fileText, goSaid, gotoolchainText, projectView } from '../project/project-view.js';

/** In DIR go runs another toolchain than the local one, and it works: genuine, but worth knowing. */
export const projectToolchainSwitch: Check = (facts) => {
  const v = projectView(facts);
  if (!v?.runs || !v.local || v.runs === `go${v.local}`) return [];
  const t = v.project.toolchain;
  const sel = v.selection?.kind === 'run' ? v.selection : null;
  const by = sel?.reason === 'toolchain-line' ? 'the toolchain line' : sel?.reason === 'go-line' ? 'the go line' : 'GOTOOLCHAIN';
  const from = t?.onPath ? `${t.onPath.path} on PATH` : t?.moduleCache?.present ? `the module cache (${t.moduleCache.dir})` : 'a toolchain go found';
  const binary = t?.onPath?.identity ?? t?.moduleCache?.identity ?? null;
  return [
    {
      code: 'PROJECT_TOOLCHAIN_SWITCH',
      severity: 'info',
      message: `In ${v.dir} go runs ${v.runs}, not the local go${v.local}: ${by}${v.file ? ` of ${v.file.kind}` : ''} selects it (${gotoolchainText(v)}), from ${from}.`,
      evidence: [
        goSaid(`go version in ${v.dir}`, v.project.version?.stdout ?? '', 1),
        ...(v.file ? [`${v.file.kind}: ${fileText(v.file)}`] : []),
        ...(binary
          ? [
              `${t?.onPath?.realpath ?? t?.moduleCache?.binaryPath}: build info ${binary.go?.version ?? 'none'} (${binary.format} ${binary.os ?? '?'}/${binary.arch ?? '?'})`,
            ]
          : []),
      ],
      fix: null,
    },
  ];
};
