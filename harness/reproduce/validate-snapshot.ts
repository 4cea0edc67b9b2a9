import { FACTS_SCHEMA, type FactSnapshot } from '../../engine/facts/fact-snapshot.js';
import { ReproduceError } from './reproduce-error.js';

type Check = (v: unknown, at: string) => void;

class Invalid extends Error {}
const fail = (at: string, want: string): never => {
  throw new Invalid(`${at} must be ${want}`);
};
const str: Check = (v, at) => void (typeof v === 'string' || fail(at, 'a string'));
const num: Check = (v, at) => void ((typeof v === 'number' && Number.isFinite(v)) || fail(at, 'a number'));
const bool: Check = (v, at) => void (typeof v === 'boolean' || fail(at, 'true or false'));
const nullable = (c: Check): Check => (v, at) => void (v === null || c(v, at));
const optional = (c: Check): Check => (v, at) => void (v === undefined || c(v, at));
const oneOf = (...xs: string[]): Check => (v, at) => void (xs.includes(v as string) || fail(at, `one of ${xs.join(', ')}`));
const arr = (c: Check): Check => (v, at) => {
  if (!Array.isArray(v)) fail(at, 'an array');
  (v as unknown[]).forEach((x, i) => c(x, `${at}[${i}]`));
};
const record = (c: Check): Check => (v, at) => {
  if (!v || typeof v !== 'object' || Array.isArray(v)) fail(at, 'an object');
  for (const [k, x] of Object.entries(v as object)) c(x, `${at}.${k}`);
};
const obj = (shape: Record<string, Check>): Check => (v, at) => {
  if (!v || typeof v !== 'object' || Array.isArray(v)) fail(at, 'an object');
  for (const [k, c] of Object.entries(shape)) c((v as Record<string, unknown>)[k], `${at}.${k}`);
};

const identity = obj({
  format: oneOf('elf', 'macho', 'pe', 'script', 'unknown'),
  os: nullable(str),
  arch: nullable(str),
  interpreter: nullable(str),
  needed: arr(str),
  go: nullable(obj({ version: str, path: nullable(str), mainModule: nullable(str), buildSettings: record(str) })),
  gccgo: bool,
  problems: arr(str),
});
const hop = obj({
  path: str,
  type: oneOf('file', 'dir', 'symlink', 'other', 'missing', 'loop'),
  via: oneOf('path', 'symlink', 'script'),
  linkTarget: optional(str),
  mode: optional(num),
  size: optional(num),
});
const command = obj({
  argv: arr(str),
  exitCode: nullable(num),
  stdout: str,
  stderr: str,
  timedOut: bool,
  truncated: bool,
  spawnError: nullable(str),
  envOverrides: record(nullable(str)),
  cwd: nullable(str),
});
const envFile = nullable(obj({ path: str, content: nullable(str) }));

/** Every field the engine and reproduce read, with its type: FactSnapshot (engine/facts/fact-snapshot.ts) as a check. */
const SNAPSHOT = obj({
  schema: (v, at) => void (v === FACTS_SCHEMA || fail(at, `"${FACTS_SCHEMA}"`)),
  target: str,
  collectedAt: str,
  platform: obj({ os: oneOf('linux', 'darwin', 'windows', 'freebsd', 'unknown'), arch: str }),
  container: obj({ detected: bool, evidence: arr(str) }),
  env: record(str),
  pathEntries: arr(str),
  candidates: arr(
    obj({
      dir: str,
      index: num,
      path: str,
      executable: bool,
      hops: arr(hop),
      realpath: nullable(str),
      identity: nullable(identity),
      scriptHead: nullable(str),
      goEnvAnswer: optional(nullable(obj({ goVersion: str, goroot: nullable(str) }))),
    }),
  ),
  commands: record(command),
  goEnv: nullable(record(str)),
  goroot: nullable(
    obj({ path: str, exists: bool, realpath: nullable(str), versionFile: nullable(str), parts: record(bool), binary: nullable(identity), binaryPath: str }),
  ),
  envFiles: obj({ user: envFile, goroot: envFile }),
  cc: nullable(obj({ name: str, path: nullable(str) })),
  writable: record(obj({ path: str, writable: nullable(bool) })),
  packageOwner: nullable(str),
  managers: arr(obj({ name: str, root: str, installed: arr(str), evidence: arr(str) })),
  toolchains: arr(obj({ root: str, version: nullable(str), source: str })),
  online: (v, at) => void (v === null || v === undefined || obj({ proxy: arr(obj({ url: str, ok: bool, detail: str })) })(v, at)),
  probeErrors: arr(obj({ probe: str, message: str })),
  timings: record(num),
  redactions: arr(str),
});

const COMMANDS = ['version', 'versionLocal', 'envJson', 'gorootLocated', 'compileV', 'linkV', 'buildPure', 'runPure', 'buildCgo', 'runCgo'];

/** Parses and checks a snapshot file's text; anything else is one ReproduceError line naming the file, the field and the fix. */
export function validateSnapshot(text: string, file: string): FactSnapshot {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new ReproduceError(`${file}: not JSON (${(e as Error).message}): make one with goverity snapshot`);
  }
  const schema = raw && typeof raw === 'object' ? (raw as Record<string, unknown>).schema : undefined;
  if (schema !== FACTS_SCHEMA) throw new ReproduceError(`${file}: not a goverity snapshot (schema ${JSON.stringify(schema ?? null)}, want "${FACTS_SCHEMA}"): make one with goverity snapshot`);
  try {
    SNAPSHOT(raw, 'snapshot');
    for (const k of Object.keys((raw as FactSnapshot).commands)) if (!COMMANDS.includes(k)) fail(`snapshot.commands.${k}`, `one of ${COMMANDS.join(', ')}`);
  } catch (e) {
    if (e instanceof Invalid) throw new ReproduceError(`${file}: not a valid goverity snapshot: ${e.message}: make one with goverity snapshot`);
    throw e;
  }
  return raw as FactSnapshot;
}
