import path from 'node:path';
import { appendFileSync } from 'node:fs';
import { collectFacts } from '../engine/probes/collect-facts.js';
import { buildReport, type Report } from '../engine/report/build-report.js';
import { renderText } from '../engine/report/render-text.js';
import { renderGithubAnnotations, renderGithubSummary } from '../engine/report/render-github.js';
import { useColor } from '../engine/report/use-color.js';
import { PACKAGE_ROOT } from '../engine/package-root.js';
import { toolVersion } from '../engine/tool-version.js';
import { COMMAND_HELP, COMMANDS } from './command-help.js';
import { didYouMean } from './did-you-mean.js';
import { FAIL_ON, verifyExitStatus, type FailOn } from './exit-status.js';
import { parseOptions } from './parse-options.js';
import { redactSnapshot } from '../engine/facts/redact-snapshot.js';
import { openTarget, TARGET_SYNTAX } from '../engine/transport/open-target.js';
import { TargetError } from '../engine/transport/target-error.js';
import type { Transport } from '../engine/transport/transport.js';
import { UsageError } from './usage-error.js';

export const EXIT = { ready: 0, degraded: 10, broken: 11, absent: 12, usage: 2 } as const;

const HELP = `goverity: is the Go on this machine real and working?

Usage:
  goverity verify   [--target T] [--format text|json|github] [--json] [--fail-on error|warning|never] [-v]
                    [--timeout-ms N] [--online] [--project DIR]
  goverity snapshot [--target T] [--redact|--no-redact] [--timeout-ms N] [--project DIR]
  goverity run      [--scenario GLOB] [--provider LIST|all] [--mode agentless|inside|both]
                    [--concurrency N] [--shard K/N] [--results DIR]
                    [--detector SPEC]... [--baseline DIR]
  goverity results merge DIR... --out DIR
  goverity converge [--env GLOB] [--concurrency N] [--results DIR]
  goverity inspect  FILE... [--json]
  goverity reproduce SNAPSHOT.json [--id NAME] [--root DIR]
  goverity help [COMMAND]      (or: goverity COMMAND --help)
  goverity --version           (or: -V)

Targets T: ${TARGET_SYNTAX}   (default: local)
  local              this machine, as your shell environment sees it
  docker-image:IMG   a fresh container from IMG with no network, removed afterwards
  docker:CONTAINER   a running container, left as it was found
  wine-image:IMG     a fresh container from IMG whose Windows (Wine prefix, Windows PATH, go.exe) is verified
                     as a Windows user's cmd sees it; no network, removed afterwards

Options:
  --json           print the report as one JSON object (schema goverity/report@1), nothing else
  --format F       text (default), json, or github (annotations, and a job summary to $GITHUB_STEP_SUMMARY)
  --fail-on L      error (degraded exits 0), warning (default), never (always 0 unless goverity itself failed)
  -v, --verbose    every line of evidence, whole
  --timeout-ms N   limit for each quick go command (version, env, tool -V); builds get 9 x N (default 20000)
  --online         also check that the GOPROXY chain can be reached (off by default: verification is hermetic);
                   with --project, also ask GOPROXY whether it serves the toolchain the project selects
  --project DIR    also judge the Go that \`go build ./...\` in DIR gets: the go.work/go.mod go and toolchain lines
                   against GOTOOLCHAIN, whether a toolchain it selects is on PATH or in the module cache, and
                   module mode (GOPATH mode, vendor/modules.txt, go.sum, uncached modules), with GOPROXY=off and
                   without writing DIR. A relative DIR is from here (local); other targets take an absolute path.
  --no-redact      snapshot: keep home directories, user and host names, and credentials as they are
                   (--redact, the default, replaces them and lists what it did in the snapshot's redactions)

run: builds what is missing, runs the selected scenarios (scenarios/*.json) on every selected provider
  that can host them, and writes results/<run-id>/{summary.json,junit.xml,report.md,report.html}
  (results/latest points at it). Results of one scenario on several providers must agree.
  --scenario GLOB   ids to run: shell globs, comma-separated (e.g. 'goroot-*,debian-*')
  --provider LIST   comma-separated: docker, wine, vagrant, vm; or all (default: docker for linux
                    scenarios, wine for windows ones). One that can't run here is skipped, with why.
  --mode M          agentless (default): the engine runs here, through the provider's transport;
                    inside: a bundled engine is copied into the target and run there; both: compared
  --concurrency N   scenarios in flight (default: the number of cores)
  --shard K/N       run the K-th of N disjoint slices (for several machines or DOCKER_HOSTs)
  --detector SPEC   score a detector: a spec file (detectors/<name>.json: command, files, output, timeout) or
                    a name in detectors/ (naive-checklist, which-go, goverity); repeat for several, side by side.
                    With detectors, goverity's own engine runs only when it is one of them (--detector goverity)
  --baseline DIR    compare the detectors with the same ones in an earlier run's results; fail on what got worse
  Exit 0 only when every selected scenario passed (detectors: when none got worse and none errored).
results merge: joins the results of sharded runs into one.
converge: the behaviour x environment matrix of how Go behaves across environments (goverity help converge).
reproduce: writes scenarios/<id>.json and images/scenarios/<id>/ (under --root DIR, default the current directory)
  from a snapshot: PATH, every hop of the go chain, GOROOT and its defects, settings and env files, version
  managers, the C toolchain, on the nearest Go release the images have. What it can't reproduce is listed in
  the scenario's reproduction.limits. Expectations are the snapshot's own verdict: edit them. See docs/reproduce.md.

inspect: what each file is (ELF, Mach-O, PE, script), for which OS/arch, what Go built it and how, and whether its
  code signature (macOS ad-hoc or Developer ID, Windows Authenticode) holds, read from the bytes; never runs them.
  Exit 0 when every file could be read, 1 otherwise.

Exit status (verify): 0 ready, 10 degraded, 11 broken, 12 absent, 2 usage or target error.
`;

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === '--version' || command === '-V') {
    process.stdout.write(`goverity ${toolVersion()}\n`);
    return 0;
  }
  if (!command || command === '--help' || command === '-h' || (command === 'help' && rest.length === 0)) {
    process.stdout.write(HELP);
    return command ? 0 : EXIT.usage;
  }
  // `help CMD` and `CMD --help` (before the command's own parsing, which would call --help a usage error).
  const helpFor =
    command === 'help'
      ? rest[0] === '--help' || rest[0] === '-h'
        ? 'help'
        : rest[0]!
      : COMMAND_HELP[command] && (rest.includes('--help') || rest.includes('-h'))
        ? command
        : null;
  if (helpFor !== null) {
    const text = COMMAND_HELP[helpFor];
    if (text) {
      process.stdout.write(text);
      return 0;
    }
  }
  try {
    if (helpFor !== null) throw new UsageError(`no help for "${helpFor}"${suggestCommand(helpFor)} (commands: ${COMMANDS.join(', ')})`);
    if (command === 'verify' || command === 'snapshot') return await verifyOrSnapshot(command, rest);
    // The harness loads only for harness commands: verify must stay light on a user's machine.
    if (command === 'run') return await (await import('./run-command.js')).runCommand(rest, PACKAGE_ROOT);
    if (command === 'converge') return await (await import('./converge-command.js')).convergeCommand(rest, PACKAGE_ROOT);
    if (command === 'inspect') return await (await import('./inspect-command.js')).inspectCommand(rest);
    if (command === 'reproduce') return await (await import('./reproduce-command.js')).reproduceCommand(rest, PACKAGE_ROOT);
    if (command === 'results' && rest[0] === 'merge') return await (await import('./merge-command.js')).mergeCommand(rest.slice(1));
    if (command === 'results') throw new UsageError('usage: goverity results merge DIR... --out DIR');
    throw new UsageError(`unknown command "${command}"${suggestCommand(command)} (try: goverity --help)`);
  } catch (e) {
    if (e instanceof UsageError || e instanceof TargetError) {
      process.stderr.write(`goverity: ${e.message}\n`);
      return EXIT.usage;
    }
    const err = e as Error;
    process.stderr.write(`goverity: ${err.message.split('\n')[0]}\n`);
    return EXIT.usage;
  }
}

function suggestCommand(word: string): string {
  const guess = didYouMean(word, COMMANDS);
  return guess ? ` (did you mean ${guess}?)` : '';
}

const FORMATS = ['text', 'json', 'github'] as const;

async function verifyOrSnapshot(command: 'verify' | 'snapshot', args: string[]): Promise<number> {
  const shared = {
    target: { type: 'string', default: 'local' },
    'timeout-ms': { type: 'string' },
    online: { type: 'boolean', default: false },
    project: { type: 'string' },
  } as const;
  const o =
    command === 'verify'
      ? parseOptions(command, args, {
          ...shared,
          json: { type: 'boolean', default: false },
          format: { type: 'string' },
          'fail-on': { type: 'string', default: 'warning' },
          verbose: { type: 'boolean', short: 'v', default: false },
        }).values
      : parseOptions(command, args, { ...shared, 'no-redact': { type: 'boolean', default: false }, redact: { type: 'boolean', default: true } }).values;
  const format = 'format' in o && o.format !== undefined ? o.format : 'json' in o && o.json ? 'json' : 'text';
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format takes ${FORMATS.join(', ')}, not "${format}"`);
  if ('json' in o && o.json && format !== 'json') throw new UsageError(`--json and --format ${format} disagree: give one of them`);
  const failOn = ('fail-on' in o ? o['fail-on'] : 'warning') as FailOn;
  if (!FAIL_ON.includes(failOn)) throw new UsageError(`--fail-on takes ${FAIL_ON.join(', ')}, not "${failOn}"`);
  const timeout = o['timeout-ms'] === undefined ? undefined : Number(o['timeout-ms']);
  if (timeout !== undefined && (!Number.isInteger(timeout) || timeout < 100))
    throw new UsageError(`--timeout-ms takes a whole number of milliseconds ≥ 100, not "${o['timeout-ms']}"`);

  const project = o.project === undefined ? undefined : projectDir(o.project, o.target!);
  await using transport = await openInterruptibly(o.target!);
  const facts = await collectFacts(transport, {
    online: o.online,
    project,
    limits: timeout ? { commandTimeoutMs: timeout, buildTimeoutMs: timeout * 9 } : {},
  });
  if (facts.project && !facts.project.exists)
    throw new UsageError(`--project ${project}: no such directory on ${facts.target} (give a directory that holds the project)`);
  if (command === 'snapshot') {
    const out = 'no-redact' in o && o['no-redact'] ? facts : redactSnapshot(facts);
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
    return 0;
  }
  const report: Report = buildReport(facts);
  if (format === 'json') process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else if (format === 'github') {
    process.stdout.write(renderGithubAnnotations(report));
    // The job summary file the runner provides (docs.github.com: "Adding a job summary"); absent outside Actions.
    if (process.env.GITHUB_STEP_SUMMARY) appendFileSync(process.env.GITHUB_STEP_SUMMARY, renderGithubSummary(report));
  } else process.stdout.write(renderText(report, { color: useColor(process.stdout), verbose: 'verbose' in o && o.verbose, docRoot: PACKAGE_ROOT }));
  return verifyExitStatus(report.verdict, failOn);
}

/** --project DIR: relative to this directory for the local target; another target has no working directory of ours. */
function projectDir(dir: string, target: string): string {
  if (dir === '') throw new UsageError('--project takes a directory (try --project .)');
  if (target === 'local') return path.resolve(dir);
  if (path.posix.isAbsolute(dir) || path.win32.isAbsolute(dir)) return dir;
  throw new UsageError(`--project ${dir}: give an absolute path inside ${target} (a relative one only works with --target local)`);
}

/** Ctrl-C or SIGTERM mid-verification still disposes the target (a docker-image container is removed). */
async function openInterruptibly(target: string): Promise<Transport> {
  const transport = await openTarget(target, { 'goverity.pid': String(process.pid) });
  const onSignal = (sig: NodeJS.Signals) => {
    void Promise.resolve(transport[Symbol.asyncDispose]()).finally(() => process.exit(sig === 'SIGINT' ? 130 : 143));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  return transport;
}
