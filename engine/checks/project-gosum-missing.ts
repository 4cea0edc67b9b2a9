import type { Check } from './finding.js';
import { goSaid } from '../project/project-view.js';
import { failedLoad, LOAD_CAUSES } from '../project/project-load-errors.js';

/** go.sum does not cover the requirements: go refuses to use a module it cannot check (-mod=readonly, the default). */
export const projectGosumMissing: Check = (facts) => {
  const v = failedLoad(facts);
  if (!v || LOAD_CAUSES.vendor.test(v.load) || !LOAD_CAUSES.gosum.test(v.load)) return [];
  const pkg =
    /missing go\.sum entry for module providing package (\S+)/.exec(v.load)?.[1] ?? /missing go\.sum entry for go\.mod file[^\n]*?(\S+@\S+)/.exec(v.load)?.[1];
  const hint = /to add:\s*\n\s*(go [^\n]+)/.exec(v.load)?.[1];
  return [
    {
      code: 'PROJECT_GOSUM_MISSING',
      severity: 'error',
      message: `go.sum in ${v.dir} does not cover the requirements${pkg ? ` (no entry for the module providing ${pkg})` : ''}: go will not build with a module it cannot verify.`,
      evidence: [goSaid(`go list -deps ./... in ${v.dir}`, v.load, 3)],
      fix: `With network access: cd ${v.dir} && ${hint ?? 'go mod tidy'} (go's own hint; \`go mod download\` also records the sums), then commit go.sum.`,
    },
  ];
};
