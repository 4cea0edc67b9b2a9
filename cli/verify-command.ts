import path from 'node:path';
import { appendFileSync } from 'node:fs';
import { collectFacts } from '../engine/probes/collect-facts.js';
import { buildReport, type Report } from '../engine/report/build-report.js';
import { renderText } from '../engine/report/render-text.js';
import { renderGithubAnnotations, renderGithubSummary } from '../engine/report/render-github.js';
import { useColor } from '../engine/report/use-color.js';
import { PACKAGE_ROOT } from '../engine/package-root.js';
import { redactSnapshot } from '../engine/facts/redact-snapshot.js';
import { openTarget } from '../engine/transport/open-target.js';
import type { Transport } from '../engine/transport/transport.js';
import { FAIL_ON, verifyExitStatus, type FailOn } from './exit-status.js';
import { parseOptions } from './parse-options.js';
import { UsageError } from './usage-error.js';

const FORMATS = ['text', 'json', 'github'] as const;

/** `goverity verify` (the report, and the verdict's exit status) and `goverity snapshot` (the facts, redacted unless --no-redact). */
export async function verifyCommand(command: 'verify' | 'snapshot', args: string[]): Promise<number> {
  const shared = {
    target: { type: 'string', default: 'local' },
    'timeout-ms': { type: 'string' },
    online: { type: 'boolean', default: false },
    project: { type: 'string' },
    shell: { type: 'boolean' },
    'no-shell': { type: 'boolean', default: false },
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
  if (o.shell && o['no-shell']) throw new UsageError('--shell and --no-shell disagree: give one of them');
  // The user's own shell is this machine's; in a container it means something only when the image has the user's shell.
  const shell = o['no-shell'] ? false : (o.shell ?? o.target === 'local');
  await using transport = await openInterruptibly(o.target!);
  const facts = await collectFacts(transport, {
    online: o.online,
    project,
    shell,
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
