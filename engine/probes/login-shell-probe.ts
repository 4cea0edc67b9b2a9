import type { LoginShellFact } from '../facts/fact-snapshot.js';
import { runCommand } from './go-commands.js';
import { identifyFile } from './identify-file.js';
import { envGet, type ProbeContext } from './probe-context.js';
import { realpath } from './realpath.js';

/** The settings compared between the user's shell and this process. */
export const SHELL_VARS = ['GOROOT', 'GOPATH', 'GOBIN', 'GOTOOLCHAIN', 'GOFLAGS', 'GO111MODULE'] as const;

/** Shells whose `-l -i -c` and whose syntax the script below speaks; another login shell is named, not run. */
const POSIX_SHELLS = new Set(['sh', 'bash', 'zsh', 'dash', 'ksh', 'mksh', 'ash', 'yash']);

/** What login(1) and sshd start a session with before any profile runs. */
const LOGIN_PATH = '/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin';

/** Profiles a login or interactive POSIX shell reads (bash(1) INVOCATION, zsh(1) STARTUP/SHUTDOWN FILES), $HOME first. */
const HOME_FILES = ['.profile', '.bash_profile', '.bash_login', '.bashrc', '.zshenv', '.zprofile', '.zshrc', '.zlogin', '.kshrc'];
const SYSTEM_FILES = [
  '/etc/profile',
  '/etc/bash.bashrc',
  '/etc/bashrc',
  '/etc/zshenv',
  '/etc/zsh/zshenv',
  '/etc/zsh/zprofile',
  '/etc/zsh/zshrc',
  '/etc/zprofile',
  '/etc/zshrc',
  '/etc/environment',
];

const BEGIN = '__goverity_shell_begin__';
const END = '__goverity_shell_end__';

/** Lines of a profile that can change which go runs or how: PATH and the Go settings. */
const RELEVANT = new RegExp(`\\b(PATH|${SHELL_VARS.join('|')})\\b|\\bgo(env|env init|\\b)|asdf|mise|gvm|goenv|gimme`);

/**
 * Starts the user's own login shell the way a new terminal does: a clean environment (HOME, USER, SHELL, TERM, the
 * login PATH), login profiles, then the interactive rc files (`$SHELL -l -i -c`), no terminal, bounded like any command.
 * It prints what it resolves `go` to and the Go settings it ends up with; the profiles that could set them are read too.
 */
export async function probeLoginShell(ctx: ProbeContext): Promise<LoginShellFact | null> {
  if (ctx.platform.os === 'windows') return null;
  const home = envGet(ctx, 'HOME') ?? '';
  const shell = envGet(ctx, 'SHELL') || (await passwdShell(ctx));
  const profileLines = await readProfiles(ctx, home);
  if (!shell) return { shell: null, command: null, path: null, go: null, vars: {}, profileLines, problem: 'no SHELL and no passwd entry names a login shell' };
  const name = shell.split('/').pop() ?? '';
  if (!POSIX_SHELLS.has(name))
    return { shell, command: null, path: null, go: null, vars: {}, profileLines, problem: `${name} is not a POSIX shell this probe can start` };
  const user = envGet(ctx, 'USER') ?? envGet(ctx, 'LOGNAME') ?? '';
  const script = [
    `printf '\\n%s\\n' ${BEGIN}`,
    `printf 'PATH=%s\\n' "$PATH"`,
    `printf 'go=%s\\n' "$(command -v go 2>/dev/null)"`,
    ...SHELL_VARS.map((v) => `if [ -n "\${${v}+x}" ]; then printf '${v}=%s\\n' "$${v}"; fi`),
    `printf '%s\\n' ${END}`,
  ].join('; ');
  const clean = [`HOME=${home}`, `USER=${user}`, `LOGNAME=${user}`, `SHELL=${shell}`, 'TERM=dumb', `PATH=${LOGIN_PATH}`];
  const command = await runCommand(ctx, ['env', '-i', ...clean, shell, '-l', '-i', '-c', script]);
  const parsed = parseShellOutput(command.stdout);
  if (!parsed) return { shell, command, path: null, go: null, vars: {}, profileLines };
  const go = parsed.go ? await describeGo(ctx, parsed.go) : null;
  return { shell, command, path: parsed.path, go, vars: parsed.vars, profileLines };
}

/** The marked block the script prints, whatever the profiles printed around it. */
export function parseShellOutput(stdout: string): { path: string | null; go: string | null; vars: Record<string, string> } | null {
  const start = stdout.lastIndexOf(`\n${BEGIN}\n`);
  const end = stdout.indexOf(`\n${END}`, start + 1);
  if (start < 0 || end < 0) return null;
  const vars: Record<string, string> = {};
  let path: string | null = null;
  let go: string | null = null;
  for (const line of stdout.slice(start + BEGIN.length + 2, end).split('\n')) {
    const eq = line.indexOf('=');
    if (eq < 0) continue;
    const [k, v] = [line.slice(0, eq), line.slice(eq + 1)];
    if (k === 'PATH') path = v;
    else if (k === 'go') go = v || null;
    else if ((SHELL_VARS as readonly string[]).includes(k)) vars[k] = v;
  }
  return { path, go, vars };
}

async function describeGo(ctx: ProbeContext, path: string): Promise<NonNullable<LoginShellFact['go']>> {
  const real = await realpath(ctx, path);
  const id = real ? (await identifyFile(ctx, real)).identity : null;
  return { path, realpath: real, version: id?.go?.path === 'cmd/go' ? id.go.version : null };
}

async function passwdShell(ctx: ProbeContext): Promise<string | null> {
  const r = await runCommand(ctx, ['sh', '-c', 'u=$(id -un) && { getent passwd "$u" || grep "^$u:" /etc/passwd; }']);
  const field = r.stdout.split('\n')[0]?.split(':')[6]?.trim();
  return field || null;
}

async function readProfiles(ctx: ProbeContext, home: string): Promise<LoginShellFact['profileLines']> {
  const profileD = ((await ctx.transport.readDir('/etc/profile.d')) ?? []).filter((n) => n.endsWith('.sh')).sort();
  const files = [...(home ? HOME_FILES.map((f) => ctx.paths.join(home, f)) : []), ...SYSTEM_FILES, ...profileD.map((n) => `/etc/profile.d/${n}`)];
  const out: LoginShellFact['profileLines'] = [];
  const texts = await Promise.all(files.map((f) => ctx.transport.readFile(f, 64 << 10)));
  files.forEach((file, i) => {
    const t = texts[i];
    if (!t) return;
    new TextDecoder()
      .decode(t.bytes)
      .split('\n')
      .forEach((text, n) => {
        if (out.length < 80 && RELEVANT.test(text) && !/^\s*#/.test(text)) out.push({ file, line: n + 1, text: text.trim().slice(0, 300) });
      });
  });
  return out;
}
