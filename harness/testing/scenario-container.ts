import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { AbstractStartedContainer, GenericContainer, ImageName, type StartedTestContainer } from 'testcontainers';
import { PACKAGE_ROOT } from '../../engine/package-root.js';
import type { Report } from '../../engine/report/build-report.js';
import { CONTAINER_LIMITS } from '../../engine/transport/docker-lifecycle.js';
import { OWNER_PID_LABEL, RUN_LABEL } from '../providers/docker-provider.js';
import { sharedImageBuilder } from '../providers/shared-image-builder.js';
import { judgeReport } from '../scenarios/judge-report.js';
import { parseScenario } from '../scenarios/load-scenarios.js';
import type { Scenario } from '../scenarios/scenario.js';
import { ensureScenarioImage } from '../scenarios/scenario-image.js';
import { dockerRuntime } from '../providers/docker-runtime.js';
import { type VerifyContainerOptions, verifyContainer } from './verify-container.js';

/** A scenario of goverity's corpus by id, or a scenario file of your own whose image.dockerfile is relative to `root` (default: the current directory). */
export type ScenarioSource = string | { file: string; root?: string };

/**
 * A container of one scenario: its image built by goverity's pipeline (content-hashed, reused), then started through
 * testcontainers as `goverity run` starts it: network none, the same pids and memory caps, idling on `sleep infinity`.
 */
export class ScenarioContainer extends GenericContainer {
  readonly #source: ScenarioSource;

  constructor(source: ScenarioSource) {
    // The image is known only once the scenario's layer is built, in start().
    super('goverity/scenario-pending');
    this.#source = source;
  }

  override async start(): Promise<StartedScenarioContainer> {
    const scenario = await loadScenarioSource(this.#source);
    const image = await buildScenarioImage(scenario);
    this.imageName = ImageName.fromString(image);
    this.createOpts.Image = this.imageName.string;
    this.withEntrypoint([])
      .withCommand(['sleep', 'infinity'])
      .withNetworkMode('none')
      .withLabels({ [RUN_LABEL]: `testing-${process.pid}`, [OWNER_PID_LABEL]: String(process.pid), 'goverity.scenario': scenario.id });
    Object.assign(this.hostConfig, CONTAINER_LIMITS);
    return new StartedScenarioContainer(await super.start(), scenario);
  }
}

/** A started scenario; `await using` stops and removes it (testcontainers' own asyncDispose). */
export class StartedScenarioContainer extends AbstractStartedContainer {
  constructor(
    started: StartedTestContainer,
    readonly scenario: Scenario,
  ) {
    super(started);
  }

  /** goverity's report of the Go in this container, with the scenario's project and shell settings unless overridden. */
  verify(options: VerifyContainerOptions = {}): Promise<Report> {
    return verifyContainer(this, {
      ...(this.scenario.project !== undefined ? { project: this.scenario.project } : {}),
      ...(this.scenario.shell ? { shell: true } : {}),
      ...(this.scenario.online ? { online: true } : {}),
      ...options,
    });
  }

  /** Whether a report meets this scenario's expectations, and why not. */
  judge(report: Report): { pass: boolean; why: string[] } {
    return judgeReport(this.scenario, report);
  }
}

/** The image of a scenario, built by goverity's pipeline (or found built): its name, to start however you like. */
export async function scenarioImage(source: ScenarioSource): Promise<string> {
  return buildScenarioImage(await loadScenarioSource(source));
}

async function buildScenarioImage(scenario: Scenario): Promise<string> {
  if (scenario.platform !== 'linux')
    throw new Error(`scenario ${scenario.id} is a ${scenario.platform} scenario: it runs under Wine (goverity run --provider wine), not as a container`);
  return ensureScenarioImage(sharedImageBuilder(await dockerRuntime(), PACKAGE_ROOT), scenario);
}

/** The scenario a source names; a clear one-line error when there is none. */
export async function loadScenarioSource(source: ScenarioSource): Promise<Scenario> {
  if (typeof source === 'string') {
    if (!/^[a-z0-9][a-z0-9-]*$/.test(source))
      throw new Error(`"${source}" is not a scenario id: ids are lower-case words joined by "-" (see goverity's scenarios/)`);
    const file = path.join(PACKAGE_ROOT, 'scenarios', `${source}.json`);
    const text = await readFile(file, 'utf8').catch(() => null);
    if (text === null) throw new Error(`no scenario "${source}" in goverity's corpus: the ids are the file names in ${path.join(PACKAGE_ROOT, 'scenarios')}`);
    return parseScenario(file, text);
  }
  const text = await readFile(source.file, 'utf8').catch((e: NodeJS.ErrnoException) => {
    throw new Error(`cannot read scenario file ${source.file}: ${e.code ?? e.message}`);
  });
  const s = parseScenario(source.file, text);
  const root = path.resolve(source.root ?? process.cwd());
  // The image builder resolves a relative dockerfile against goverity's own tree; a user's is theirs.
  return s.image.dockerfile ? { ...s, image: { ...s.image, dockerfile: path.resolve(root, s.image.dockerfile) } } : s;
}
