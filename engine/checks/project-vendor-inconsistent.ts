import type { Check } from './finding.js';
import { goSaid } from '../project/project-view.js';
import { failedLoad, LOAD_CAUSES } from '../project/project-load-errors.js';
import { settingSource } from './toolchain-view.js';

/** Vendor mode (-mod=vendor, or a vendor dir with go ≥ 1.14) without a vendor/modules.txt that matches go.mod. */
export const projectVendorInconsistent: Check = (facts) => {
  const v = failedLoad(facts);
  if (!v || !LOAD_CAUSES.vendor.test(v.load)) return [];
  const flags = settingSource(facts, 'GOFLAGS');
  const forced = flags && /-mod=vendor/.test(flags.value) ? flags : null;
  const modules = v.project.vendorModules;
  const state = modules?.content == null ? `there is no ${modules?.path ?? 'vendor/modules.txt'}` : `${modules.path} does not match go.mod`;
  return [
    {
      code: 'PROJECT_VENDOR_INCONSISTENT',
      severity: 'error',
      message: `go builds ${v.dir} from its vendor directory${forced ? ` (GOFLAGS=${forced.value} from ${forced.source})` : ''}, but ${state}: every build stops.`,
      evidence: [goSaid(`go list -deps ./... in ${v.dir}`, v.load, 4), ...(forced ? [`GOFLAGS=${forced.value} (${forced.source})`] : [])],
      fix:
        modules?.content == null && forced
          ? `Drop -mod=vendor from GOFLAGS (${forced.source}), or create the vendor directory: cd ${v.dir} && go mod vendor`
          : `Sync the vendor directory with go.mod: cd ${v.dir} && go mod vendor (offline it works when the module cache holds every requirement), and commit vendor/.`,
    },
  ];
};
