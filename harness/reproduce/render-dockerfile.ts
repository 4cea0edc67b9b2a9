import { dockerEnvLine } from './docker-env-line.js';
import type { LayoutPlatform } from './layout-op.js';

export interface DockerfileInput {
  platform: LayoutPlatform;
  /** Linux only: the environment the image starts processes with (Wine's lives in the registry, set by the manifest). */
  env: Record<string, string>;
  /** Run as the unprivileged user the manifest's adduser makes, so that unwritable directories stay unwritable. */
  runAsUser: boolean;
}

/** Fixed text plus ENV lines escaped by dockerEnvLine: the manifest carries everything else. */
export function renderDockerfile(input: DockerfileInput): string {
  const lines = [
    '# Written by `goverity reproduce` from a fact snapshot. The layout is layout.manifest, applied by',
    '# apply-layout.sh (a copy of images/reproduce/apply-layout.sh); edit the scenario, or the snapshot and reproduce again.',
    'ARG BASE',
    'FROM ${BASE}',
    'COPY apply-layout.sh layout.manifest /goverity-reproduce/',
    'RUN ["/bin/bash", "/goverity-reproduce/apply-layout.sh", "/goverity-reproduce/layout.manifest"]',
    'RUN ["rm", "-rf", "/goverity-reproduce"]',
  ];
  if (input.platform === 'linux') {
    for (const [k, v] of Object.entries(input.env).sort(([a], [b]) => a.localeCompare(b))) {
      const line = dockerEnvLine(k, v);
      if (line) lines.push(line);
    }
    if (input.runAsUser) lines.push('USER goverity', 'WORKDIR /home/goverity');
  }
  return `${lines.join('\n')}\n`;
}
