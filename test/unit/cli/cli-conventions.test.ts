import { afterEach, describe, expect, it, vi } from 'vitest';
import { COMMAND_HELP, COMMANDS } from '../../../cli/command-help.js';
import { didYouMean } from '../../../cli/did-you-mean.js';
import { verifyExitStatus } from '../../../cli/exit-status.js';
import { engineMain } from '../../../cli/engine-main.js';
import { main } from '../../../cli/main.js';
import { useColor } from '../../../engine/report/use-color.js';

/** Runs an entry (main() unless told) and returns its exit status with what it wrote to stdout and stderr. */
async function cli(...argv: string[]): Promise<{ status: number; out: string; err: string }> {
  return entry(main, argv);
}

async function entry(run: (argv: string[]) => Promise<number>, argv: string[]): Promise<{ status: number; out: string; err: string }> {
  let out = '';
  let err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => {
    out += String(s);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => {
    err += String(s);
    return true;
  });
  const status = await run(argv);
  vi.restoreAllMocks();
  return { status, out, err };
}

afterEach(() => vi.restoreAllMocks());

describe('goverity --version, help CMD, CMD --help', () => {
  it('prints the package version for --version and -V', async () => {
    const { version } = (await import('../../../package.json', { with: { type: 'json' } })).default;
    for (const flag of ['--version', '-V']) expect(await cli(flag)).toEqual({ status: 0, out: `goverity ${version}\n`, err: '' });
  });

  it.each(COMMANDS)('gives %s its own help, both ways, exit 0', async (command) => {
    const viaHelp = await cli('help', command);
    const viaFlag = await cli(...(command === 'results' ? ['results', 'merge'] : [command]), '--help');
    expect(viaHelp).toEqual({ status: 0, out: COMMAND_HELP[command], err: '' });
    expect(viaFlag).toEqual(viaHelp);
    expect(viaHelp.out).toMatch(new RegExp(`^Usage: goverity ${command}`));
  });

  it('names every option verify parses in its help', () => {
    for (const flag of ['--target', '--format', '--json', '--fail-on', '-v, --verbose', '--timeout-ms', '--online'])
      expect(COMMAND_HELP.verify).toContain(flag);
  });

  it('suggests the flag or command a typo meant, in one line, exit 2', async () => {
    expect(await cli('verify', '--jsno')).toEqual({
      status: 2,
      out: '',
      err: "goverity: Unknown option '--jsno' (did you mean --json?) (see: goverity verify --help)\n",
    });
    expect(await cli('inspect', '--jsn', 'x')).toMatchObject({ status: 2, err: expect.stringContaining('(did you mean --json?)') });
    expect(await cli('verfiy')).toEqual({ status: 2, out: '', err: 'goverity: unknown command "verfiy" (did you mean verify?) (try: goverity --help)\n' });
    expect(await cli('help', 'inpsect')).toMatchObject({ status: 2, err: expect.stringContaining('(did you mean inspect?)') });
    expect(await cli('verify', '--fail-on', 'sometimes')).toEqual({
      status: 2,
      out: '',
      err: 'goverity: --fail-on takes error, warning, never, not "sometimes"\n',
    });
    expect(await cli('verify', '--format', 'xml')).toEqual({ status: 2, out: '', err: 'goverity: --format takes text, json, github, not "xml"\n' });
  });
});

describe('the inside-mode entry (cli/engine-main.ts, the bundle)', () => {
  it('gives the same help, version and usage errors as goverity', async () => {
    for (const argv of [['--help'], ['--version'], ['help', 'verify'], ['help', 'run'], ['inspect', '--help'], ['verify', '--jsno'], ['verfiy'], []])
      expect(await entry(engineMain, argv)).toEqual(await cli(...argv));
  });

  it('answers a harness command in one line, exit 2', async () => {
    for (const command of ['run', 'converge', 'reproduce', 'results'])
      expect(await entry(engineMain, [command])).toEqual({
        status: 2,
        out: '',
        err: `goverity: the bundled engine has verify, snapshot, inspect only; "${command}" needs the goverity package\n`,
      });
  });
});

describe('didYouMean', () => {
  it('takes the closest known word within a third of its length, else nothing', () => {
    expect(didYouMean('--onlien', ['--online', '--target'])).toBe('--online');
    expect(didYouMean('--tragte', ['--online', '--target'])).toBe('--target');
    expect(didYouMean('--zzz', ['--online', '--target'])).toBeNull();
  });
});

describe('--fail-on', () => {
  it('maps each verdict to its exit status as the level allows', () => {
    const row = (f: 'error' | 'warning' | 'never') => (['ready', 'degraded', 'broken', 'absent'] as const).map((v) => verifyExitStatus(v, f));
    expect(row('warning')).toEqual([0, 10, 11, 12]);
    expect(row('error')).toEqual([0, 0, 11, 12]);
    expect(row('never')).toEqual([0, 0, 0, 0]);
  });
});

describe('useColor', () => {
  it('honours FORCE_COLOR, then NO_COLOR and TERM=dumb, then the terminal', () => {
    const tty = { isTTY: true };
    const pipe = { isTTY: false };
    expect(useColor(tty, {})).toBe(true);
    expect(useColor(pipe, {})).toBe(false);
    expect(useColor(tty, { NO_COLOR: '1' })).toBe(false);
    expect(useColor(tty, { NO_COLOR: '' })).toBe(true);
    expect(useColor(tty, { TERM: 'dumb' })).toBe(false);
    expect(useColor(pipe, { FORCE_COLOR: '1' })).toBe(true);
    expect(useColor(pipe, { FORCE_COLOR: '', NO_COLOR: '1' })).toBe(true);
    expect(useColor(tty, { FORCE_COLOR: '0' })).toBe(false);
    expect(useColor(pipe, { FORCE_COLOR: 'true', TERM: 'dumb' })).toBe(true);
  });
});
