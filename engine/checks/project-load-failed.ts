import type { Check } from './finding.js';
import { goSaid } from '../project/project-view.js';
import { failedLoad, LOAD_CAUSES } from '../project/project-load-errors.js';

/** go cannot load DIR's packages for a reason no other project check names: quote go and point at the file it blames. */
export const projectLoadFailed: Check = (facts) => {
  const v = failedLoad(facts);
  if (!v || Object.values(LOAD_CAUSES).some((re) => re.test(v.load))) return [];
  const load = v.project.load!;
  const cut = load.timedOut ? 'did not finish in time' : load.truncated ? 'flooded its output and was cut off' : null;
  const blamed = /(\S+\.(?:mod|work|go)):(\d+)(?::\d+)?: /.exec(v.load);
  return [
    {
      code: 'PROJECT_LOAD_FAILED',
      severity: 'error',
      message: `go cannot load the packages of ${v.dir}${cut ? `: go list ${cut}` : `: ${v.load.split('\n')[0]!.trim()}`}.`,
      evidence: [goSaid(`go list -deps ./... in ${v.dir}`, v.load, 4)],
      fix: blamed
        ? `Fix ${blamed[1]} line ${blamed[2]} as go reports; \`cd ${v.dir} && go list ./...\` shows it again.`
        : `Fix what go reports; \`cd ${v.dir} && go list ./...\` shows it again.`,
    },
  ];
};
