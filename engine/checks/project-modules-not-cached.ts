import type { Check } from './finding.js';
import { goSaid } from '../project/project-view.js';
import { failedLoad, LOAD_CAUSES } from '../project/project-load-errors.js';
import { settingSource } from './toolchain-view.js';

/** go.mod and go.sum are fine but required modules are not in the module cache: the first build must download them. */
export const projectModulesNotCached: Check = (facts) => {
  const v = failedLoad(facts);
  if (!v || LOAD_CAUSES.vendor.test(v.load) || LOAD_CAUSES.gosum.test(v.load) || !LOAD_CAUSES.notCached.test(v.load)) return [];
  const proxy = settingSource(facts, 'GOPROXY');
  const cannot = proxy?.value === 'off';
  const missing = [...new Set([...v.load.matchAll(/go: downloading (\S+ \S+)/g)].map((m) => m[1]!))];
  return [
    {
      code: 'PROJECT_MODULES_NOT_CACHED',
      severity: cannot ? 'error' : 'warning',
      message: `${v.dir} needs modules that are not in the module cache (${v.project.env?.GOMODCACHE ?? '?'})${missing.length ? `: ${missing.slice(0, 5).join(', ')}` : ''}; go build downloads them from GOPROXY=${proxy?.value ?? '?'}${cannot ? ', which is off: the build fails' : ', so it fails offline'}.`,
      evidence: [goSaid(`GOPROXY=off go list -deps ./... in ${v.dir}`, v.load, 3), ...(proxy ? [`GOPROXY=${proxy.value} (${proxy.source})`] : [])],
      fix: `While online: cd ${v.dir} && go mod download (fills the module cache${cannot ? '; set GOPROXY to your module proxy for that, GOPROXY=off forbids it' : ''}), or vendor them: go mod vendor.`,
    },
  ];
};
