import { envValueAnyCase } from '../facts/env-value-any-case.js';
import type { CommandFact, LoginShellFact } from '../facts/fact-snapshot.js';
import { runCommand } from './go-commands.js';
import { identifyFile } from './identify-file.js';
import { SHELL_VARS } from './login-shell-probe.js';
import type { ProbeContext } from './probe-context.js';

/** Where Windows keeps the environment a new process starts with: the machine's list, then the user's. */
export const MACHINE_KEY = 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\Session Manager\\Environment';
export const USER_KEY = 'HKCU\\Environment';

interface RegistryValue {
  key: string;
  name: string;
  type: string;
  value: string;
}

/**
 * What a new terminal on Windows gets, read from the registry rather than inherited: the machine's variables, the user's
 * over them, PATH the machine's then the user's, %VARS% of REG_EXPAND_SZ values expanded, as Explorer builds a new
 * process's environment (https://learn.microsoft.com/windows/win32/procthread/environment-variables). A process started
 * earlier (an IDE, a service) keeps the environment it was started with; this is what it would get if started now.
 */
export async function probeRegistryEnvironment(ctx: ProbeContext): Promise<LoginShellFact | null> {
  if (ctx.platform.os !== 'windows') return null;
  const [machine, user] = await Promise.all([MACHINE_KEY, USER_KEY].map((k) => runCommand(ctx, ['reg', 'query', k])));
  const base: Omit<LoginShellFact, 'path' | 'go' | 'vars' | 'profileLines'> = { kind: 'windows-registry', shell: 'the registry', command: machine! };
  if (machine!.exitCode !== 0) return { ...base, path: null, go: null, vars: {}, profileLines: [], problem: `reg query ${MACHINE_KEY} failed` };
  const values = [...parseRegQuery(machine!, MACHINE_KEY), ...(user!.exitCode === 0 ? parseRegQuery(user!, USER_KEY) : [])];
  const env = composeEnvironment(values, ctx.env);
  const path = envValueAnyCase(env, 'PATH');
  const go = path ? await findGo(ctx, path, envValueAnyCase(env, 'PATHEXT') ?? envValueAnyCase(ctx.env, 'PATHEXT') ?? '.COM;.EXE;.BAT;.CMD') : null;
  const vars = Object.fromEntries(
    SHELL_VARS.flatMap((v) => {
      const value = envValueAnyCase(env, v);
      return value === undefined ? [] : [[v, value]];
    }),
  );
  const relevant = new RegExp(`^(PATH|${SHELL_VARS.join('|')})$`, 'i');
  // A registry value is where a difference is set: shown as the key (line 0: not a line of a file) and NAME=its raw value.
  const profileLines = values.filter((v) => relevant.test(v.name)).map((v) => ({ file: v.key, line: 0, text: `${v.name}=${v.value}` }));
  return { ...base, path: path ?? null, go, vars, profileLines };
}

/** `reg query` lines: four spaces, the name, four spaces, the type, four spaces, the value (absent when empty). */
export function parseRegQuery(r: CommandFact, key: string): RegistryValue[] {
  return r.stdout.split(/\r?\n/).flatMap((line) => {
    const m = /^ {4}(.+?) {4}(REG_[A-Z_]+)(?: {4}(.*))?$/.exec(line);
    return m ? [{ key, name: m[1]!, type: m[2]!, value: (m[3] ?? '').trimEnd() }] : [];
  });
}

/** The machine's values, the user's over them (PATH joined, machine first), REG_EXPAND_SZ expanded against the result and the process. */
export function composeEnvironment(values: RegistryValue[], processEnv: Record<string, string>): Record<string, string> {
  const raw = new Map<string, { name: string; value: string; expand: boolean }>();
  for (const v of values) {
    const k = v.name.toUpperCase();
    const prev = raw.get(k);
    const joined = k === 'PATH' && prev && v.key === USER_KEY ? `${prev.value};${v.value}` : v.value;
    raw.set(k, { name: v.name, value: joined, expand: v.type === 'REG_EXPAND_SZ' || !!prev?.expand });
  }
  const known = (name: string): string | undefined => {
    const r = raw.get(name.toUpperCase());
    if (r) return r.value;
    return envValueAnyCase(processEnv, name);
  };
  const out: Record<string, string> = {};
  for (const { name, value, expand } of raw.values()) out[name] = expand ? value.replace(/%([^%;]+)%/g, (all, n: string) => known(n) ?? all) : value;
  return out;
}

/** The first go a new cmd would run: each PATH entry in order, each PATHEXT extension in order. */
async function findGo(ctx: ProbeContext, path: string, pathext: string): Promise<LoginShellFact['go']> {
  for (const dir of path.split(';').filter(Boolean)) {
    for (const ext of pathext.split(';').filter(Boolean)) {
      const file = ctx.paths.join(dir.replace(/[\\/]+$/, ''), `go${ext.toLowerCase()}`);
      const st = await ctx.transport.lstat(file);
      if (st?.type === 'file') {
        const id = (await identifyFile(ctx, file)).identity;
        return { path: file, realpath: file, version: id?.go?.path === 'cmd/go' ? id.go.version : null };
      }
    }
  }
  return null;
}
