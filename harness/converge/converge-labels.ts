import type Dockerode from 'dockerode';
import { OWNER_PID_LABEL, RUN_LABEL } from '../providers/docker-provider.js';
import { isProcessAlive } from '../providers/is-process-alive.js';

/** Marks a converge container with its environment; run and owner labels are the docker provider's, so its sweep finds them too. */
export const CONVERGE_LABEL = 'goverity.converge';

export function convergeLabels(runId: string, envId: string): Record<string, string> {
  return { [RUN_LABEL]: runId, [OWNER_PID_LABEL]: String(process.pid), [CONVERGE_LABEL]: envId };
}

/** Removes converge containers whose owning process is gone (a run killed outright); live runs' are left alone. */
export async function sweepConvergeContainers(docker: Dockerode): Promise<number> {
  const stale = (await docker.listContainers({ all: true, filters: { label: [CONVERGE_LABEL] } })).filter(
    (c) => !isProcessAlive(Number(c.Labels[OWNER_PID_LABEL])),
  );
  await Promise.all(
    stale.map((c) =>
      docker
        .getContainer(c.Id)
        .remove({ force: true, v: true })
        .catch(() => undefined),
    ),
  );
  return stale.length;
}
