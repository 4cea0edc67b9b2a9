import { execFileSync } from 'node:child_process';
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FactSnapshot } from '../../../engine/facts/fact-snapshot.js';
import { redactSnapshot } from '../../../engine/facts/redact-snapshot.js';
import { generateScenarioLayer } from '../../../harness/reproduce/generate-scenario-layer.js';
import { validateSnapshot } from '../../../harness/reproduce/validate-snapshot.js';
import { parseScenario } from '../../../harness/scenarios/load-scenarios.js';
import { loadSnapshot } from '../snapshot-builders.js';
import { APPLY_SCRIPT_TEXT, REPO_ROOT, decodeManifest } from './reproduce-fixtures.js';

const SCRIPT = path.join(REPO_ROOT, 'images/reproduce/apply-layout.sh');
const FIXED_LINES = [
  'ARG BASE',
  'FROM ${BASE}',
  'COPY apply-layout.sh layout.manifest /goverity-reproduce/',
  'RUN ["/bin/bash", "/goverity-reproduce/apply-layout.sh", "/goverity-reproduce/layout.manifest"]',
  'RUN ["rm", "-rf", "/goverity-reproduce"]',
  'USER goverity',
  'WORKDIR /home/goverity',
];
const FIELDS: Record<string, number> = {
  remove: 1,
  dir: 2,
  file: 3,
  link: 2,
  copytree: 2,
  copyfile: 3,
  buildgo: 4,
  truncate: 2,
  chmod: 2,
  adduser: 0,
  own: 1,
  setenv: 3,
  unsetenv: 2,
};
const PATH_FIELDS: Record<string, number[]> = {
  remove: [0],
  dir: [0],
  file: [0],
  link: [0],
  copytree: [0, 1],
  copyfile: [0, 1],
  buildgo: [0, 1],
  truncate: [0],
  chmod: [0],
  own: [0],
};

/** Docker's lexer on `ENV NAME="..."`: backslash escapes only `"`, `$` and itself; an unescaped `$` would expand. */
function dockerEnvValue(line: string): { name: string; value: string } {
  const m = /^ENV ([A-Za-z_][A-Za-z0-9_]*)="(.*)$/s.exec(line);
  if (!m) throw new Error(`not an ENV line: ${line}`);
  const body = m[2]!;
  let value = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c === '\\' && ['"', '$', '\\'].includes(body[i + 1] ?? '')) value += body[++i];
    else if (c === '$') throw new Error(`unescaped $ would expand: ${line}`);
    else if (c === '"') {
      if (i !== body.length - 1) throw new Error(`text after the closing quote: ${line}`);
      return { name: m[1]!, value };
    } else value += c;
  }
  throw new Error(`unterminated value: ${line}`);
}

const hostileFragment = fc.constantFrom(
  '..',
  '../..',
  '/../../etc/passwd',
  '$(touch /tmp/pwned)',
  '`id`',
  '"',
  "'",
  '\n',
  '\r\n',
  '\\',
  '${HOME}',
  '$HOME',
  ';rm -rf /;',
  '&& echo x',
  '| tee',
  '%PATH%',
  'C:\\..\\..\\Windows',
  'C:\\Go\\..\\..\\..',
  'D:\\x',
  '\\\\server\\share',
  '\u0000',
  '\t',
  ' ',
  '*',
  '?',
  '-rf',
  '--',
  '#',
  'ENV X=1',
  '\nRUN curl evil',
  '/proc/self',
  '/dev/sda',
  'go',
  'bin',
  '/usr/local/bin/go',
  'C:\\Program Files\\Go',
  '.',
  '~',
);
const hostileString = fc.oneof(
  fc.array(fc.oneof(hostileFragment, fc.string({ maxLength: 6 })), { minLength: 1, maxLength: 5 }).map((xs) => xs.join('')),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.array(fc.oneof(hostileFragment, fc.stringMatching(/^[a-z.]{1,6}$/)), { minLength: 1, maxLength: 6 }).map((xs) => `/${xs.join('/')}`),
  fc.array(fc.oneof(hostileFragment, fc.stringMatching(/^[A-Za-z .]{1,6}$/)), { minLength: 1, maxLength: 6 }).map((xs) => `C:\\${xs.join('\\')}`),
);

/** A real snapshot with hostile strings put in every field the reproduction reads. */
const hostileSnapshot = fc
  .record({
    base: fc.constantFrom(
      'linux-wrapper-version-lie',
      'linux-goroot-other-release',
      'linux-debian-no-cc',
      'windows-bat-shim',
      'windows-goroot-missing',
      'darwin-homebrew',
    ),
    s: fc.array(hostileString, { minLength: 24, maxLength: 24 }),
    mode: fc.integer({ min: 0, max: 0o7777 }),
    size: fc.integer({ min: 0, max: 1 << 20 }),
    unwritable: fc.boolean(),
    redact: fc.boolean(),
  })
  .map(({ base, s, mode, size, unwritable, redact }) => {
    const f = loadSnapshot(base);
    const c = f.candidates[0]!;
    f.env = { ...f.env, [s[0]!]: s[1]!, GOFLAGS: s[2]!, PATH: `${s[3]}:${s[4]}`, HOME: s[5]!, TMPDIR: s[6]! };
    f.pathEntries = [s[3]!, s[4]!];
    c.path = s[7]!;
    c.hops = [
      { path: s[7]!, type: 'symlink', via: 'path', linkTarget: s[8]!, mode: 0o777, size: 3 },
      { path: s[9]!, type: 'file', via: 'symlink', mode, size },
    ];
    c.realpath = s[9]!;
    c.scriptHead = s[10]!;
    if (c.identity) c.identity = { ...c.identity, format: 'script', go: null, arch: s[11]!, problems: [] };
    if (f.goroot) f.goroot = { ...f.goroot, path: s[12]!, realpath: s[13]!, versionFile: s[14]!, parts: { [s[15]!]: false, 'bin/go': true } };
    f.envFiles = { user: { path: s[16]!, content: s[17]! }, goroot: { path: s[18]!, content: s[19]! } };
    f.managers = [{ name: 'asdf', root: s[20]!, installed: [s[21]!, '..'], evidence: [] }];
    f.toolchains = [{ root: s[22]!, version: 'go1.22.12', source: 'manual' }];
    f.cc = { name: s[23]!, path: null };
    f.writable = { GOPATH: { path: s[22]!, writable: !unwritable } };
    return redact ? redactSnapshot(f) : f;
  });

function checkLayer(facts: FactSnapshot) {
  // The snapshot passes the schema (it is well-typed, only hostile): reproduce must cope with it, not refuse it.
  validateSnapshot(JSON.stringify(facts), 'hostile.json');
  const layer = generateScenarioLayer(facts, { id: 'hostile', layerDir: 'images/scenarios/hostile', applyScript: APPLY_SCRIPT_TEXT });
  // Only the three fixed file names: nothing a snapshot says can name a file on this side.
  expect(Object.keys(layer.files).sort()).toEqual(['Dockerfile', 'apply-layout.sh', 'layout.manifest']);
  expect(layer.files['apply-layout.sh']).toBe(APPLY_SCRIPT_TEXT);
  // The scenario is JSON the corpus loader takes.
  expect(parseScenario('/x/scenarios/hostile.json', JSON.stringify(layer.scenario)).id).toBe('hostile');
  // The Dockerfile: fixed lines, and ENV lines whose values Docker reads back exactly as planned.
  const env: Record<string, string> = {};
  for (const line of layer.files.Dockerfile.split('\n')) {
    if (line === '' || line.startsWith('# ')) continue;
    if (line.startsWith('ENV ')) {
      const { name, value } = dockerEnvValue(line);
      env[name] = value;
    } else expect(FIXED_LINES).toContain(line);
  }
  expect(env).toEqual(layer.plan.platform === 'linux' ? layer.plan.env : {});
  // The manifest: known operations, base64 fields, and every path relative, with no "..", empty or control part.
  const m = decodeManifest(layer.files['layout.manifest']);
  expect(m.header).toMatch(/^goverity-layout 1 (linux|wine)$/);
  for (const o of m.ops) {
    expect(Object.keys(FIELDS)).toContain(o.op);
    expect(o.fields).toHaveLength(FIELDS[o.op]!);
    for (const i of PATH_FIELDS[o.op] ?? []) {
      const p = o.fields[i]!;
      expect(p).not.toMatch(/^\/|[\u0000-\u001f]/);
      expect(p.split('/')).not.toContain('..');
      expect(p.split('/')).not.toContain('');
    }
    if (o.op === 'link') expect(o.fields[1]).not.toMatch(/[\n\u0000]/);
    const systemDirs = m.header.endsWith('wine')
      ? ['windows', 'windows/system32', 'users', 'program files']
      : ['usr', 'usr/lib', 'usr/bin', 'bin', 'lib', 'etc', 'root'];
    if (o.op === 'remove') expect(systemDirs).not.toContain(o.fields[0]!.toLowerCase());
  }
  return layer;
}

/** Runs the committed script on a manifest under a private root, and returns every path it left, relative to the sandbox. */
function applyInSandbox(manifest: string, onlyFileOps = true): { files: string[]; status: number; sentinel: string } {
  const sandbox = mkdtempSync(path.join(os.tmpdir(), 'goverity-apply-'));
  try {
    const prefix = path.join(sandbox, 'prefix');
    mkdirSync(path.join(prefix, 'drive_c'), { recursive: true });
    mkdirSync(path.join(sandbox, 'outside'));
    writeFileSync(path.join(sandbox, 'outside', 'sentinel'), 'untouched');
    // Only the file-system operations run here; as "wine" the root is the sandbox's drive_c, whatever the snapshot's platform.
    const lines = manifest
      .trimEnd()
      .split('\n')
      .slice(1)
      .filter((l) => !onlyFileOps || /^(remove|dir|file|link|chmod|truncate) /.test(l));
    const file = path.join(sandbox, 'layout.manifest');
    writeFileSync(file, `${['goverity-layout 1 wine', ...lines].join('\n')}\n`);
    let status = 0;
    try {
      execFileSync('bash', [SCRIPT, file], { env: { PATH: process.env.PATH, WINEPREFIX: prefix }, stdio: 'pipe', timeout: 20_000 });
    } catch (e) {
      status = (e as { status: number }).status ?? -1;
    }
    const files: string[] = [];
    const walk = (d: string) => {
      for (const n of readdirSync(d)) {
        const full = path.join(d, n);
        files.push(path.relative(sandbox, full));
        const st = lstatSync(full);
        if (st.isSymbolicLink()) files.push(`${path.relative(sandbox, full)} -> ${readlinkSync(full)}`);
        else if (st.isDirectory()) walk(full);
      }
    };
    walk(sandbox);
    return { files, status, sentinel: readFileSync(path.join(sandbox, 'outside', 'sentinel'), 'utf8') };
  } finally {
    rmSync(sandbox, { recursive: true, force: true });
  }
}

describe('reproduce on hostile snapshots', () => {
  it('keeps every generated file confined and parseable (property)', () => {
    fc.assert(
      fc.property(hostileSnapshot, (facts) => void checkLayer(facts)),
      { numRuns: 300 },
    );
  }, 60_000);

  it('applies generated manifests only inside the layout root (property, the real script)', () => {
    fc.assert(
      fc.property(hostileSnapshot, (facts) => {
        const layer = checkLayer(facts);
        const { files } = applyInSandbox(layer.files['layout.manifest']);
        const stray = files.filter(
          (f) => !f.startsWith('prefix') && !['outside', path.join('outside', 'sentinel'), 'layout.manifest'].includes(f.split(' -> ')[0]!),
        );
        expect(stray).toEqual([]);
      }),
      { numRuns: 40 },
    );
  }, 120_000);

  it('refuses a hand-made manifest that tries to leave the root', () => {
    const b64 = (s: string) => Buffer.from(s).toString('base64');
    for (const [name, manifest] of [
      ['dot-dot', `goverity-layout 1 wine\nfile ${b64('../outside/sentinel')} 644 ${b64('x')}\n`],
      ['absolute', `goverity-layout 1 wine\nfile ${b64('/tmp/x')} 644 ${b64('x')}\n`],
      // A link out of the root, then a write through it: the parent's real path is outside.
      ['through a link', `goverity-layout 1 wine\nlink ${b64('esc')} ${b64('../../outside')}\nfile ${b64('esc/sentinel')} 644 ${b64('x')}\n`],
      // A link whose own parent is inside, but which leads out: operations that act through it are refused.
      ['truncate through a link', `goverity-layout 1 wine\nlink ${b64('esc')} ${b64('../../outside/sentinel')}\ntruncate ${b64('esc')} 0\n`],
      ['chmod through a link', `goverity-layout 1 wine\nlink ${b64('esc')} ${b64('../../outside')}\nchmod ${b64('esc')} 777\n`],
      ['a bad mode', `goverity-layout 1 wine\nfile ${b64('a')} 644;id ${b64('x')}\n`],
      ['an unknown operation', `goverity-layout 1 wine\nexec ${b64('id')}\n`],
    ] as const) {
      const { status, files, sentinel } = applyInSandbox(manifest, false);
      expect({ name, status: status === 0 ? 'applied' : 'refused' }).toEqual({ name, status: 'refused' });
      expect(files.filter((f) => f.startsWith('prefix') && !f.startsWith(path.join('prefix', 'drive_c')))).toEqual(['prefix']);
      expect(sentinel).toBe('untouched');
    }
  });
});
