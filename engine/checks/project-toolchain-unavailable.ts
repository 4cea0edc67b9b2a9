import type { Check } from './finding.js';
import { commandText, ok } from './toolchain-view.js';
import { fileText, goSaid, gotoolchainText, projectView } from '../project/project-view.js';
import { SWITCH_ERRORS } from './toolchain-switch-failed.js';

/** The go.mod or go.work selects a toolchain that is neither on PATH nor in the module cache: offline, go cannot switch. */
export const projectToolchainUnavailable: Check = (facts) => {
  const v = projectView(facts);
  // A switch cut off mid-download proves nothing about whether go can get the toolchain: PROBE_TIMEOUT says it.
  if (!v?.goWorksElsewhere || v.runs || v.project.version?.timedOut || !SWITCH_ERRORS.test(v.versionText) || /requires go >=/.test(v.versionText)) return [];
  const sel = v.selection?.kind === 'run' ? v.selection : null;
  const t = v.project.toolchain;
  const name = t?.name ?? sel?.toolchain ?? /go: downloading (go\S+)/.exec(v.versionText)?.[1] ?? 'the selected toolchain';
  const by = sel?.reason === 'toolchain-line' ? 'its toolchain line' : sel?.reason === 'go-line' ? 'its go line' : 'GOTOOLCHAIN';
  const where = v.file ? `${v.file.kind} (${fileText(v.file)})` : 'GOTOOLCHAIN';
  const pathOnly = sel?.mode === 'path';
  const cacheDir = t?.moduleCache?.dir ?? 'the module cache';
  const proxy = t?.proxy;
  const proxyText = !proxy ? '' : ok(proxy) ? `; GOPROXY serves it (--online)` : `; GOPROXY does not serve it either: ${commandText(proxy).split('\n')[0]}`;
  const lineFix =
    sel?.reason === 'toolchain-line' && v.file
      ? ` Or drop or lower the \`toolchain ${v.file.toolchainLine}\` line in ${v.file.path}.`
      : sel?.reason === 'go-line' && v.file
        ? ` Or, if the project does not need it, lower the \`go ${v.file.goLine}\` line in ${v.file.path}.`
        : '';
  return [
    {
      code: 'PROJECT_TOOLCHAIN_UNAVAILABLE',
      severity: 'error',
      message: `In ${v.dir} go must switch to ${name} (selected by ${by} in ${where}, ${gotoolchainText(v)}), and cannot get it: it is not on PATH as ${name}${pathOnly ? ', and GOTOOLCHAIN=…path looks nowhere else' : `, not in the module cache (${cacheDir}), so go would download it from GOPROXY=${v.project.env?.GOPROXY || facts.goEnv?.GOPROXY || '?'}, which fails offline`}${proxyText}.`,
      evidence: [
        goSaid(`go version in ${v.dir}`, v.versionText),
        ...(v.file ? [`${v.file.kind}: ${fileText(v.file)}`] : []),
        `PATH lookup of ${name}: ${t?.onPath?.path ?? 'not found'}`,
        ...(pathOnly ? [] : [`module cache: ${t?.moduleCache?.present ? t.moduleCache.binaryPath : `no ${t?.moduleCache?.binaryPath ?? cacheDir}`}`]),
      ],
      fix: pathOnly
        ? `Put ${name} on PATH (\`go install golang.org/dl/${name}@latest && ${name} download\` while online), or set GOTOOLCHAIN=auto to let go fetch it.${lineFix}`
        : `Fetch it once while online: \`GOTOOLCHAIN=${name} go version\` (it lands in the module cache and works offline afterwards), or put ${name} on PATH (\`go install golang.org/dl/${name}@latest && ${name} download\`).${lineFix}`,
    },
  ];
};
