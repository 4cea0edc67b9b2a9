import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DetectorSpecError, loadDetectorSpec, parseDetectorSpec, resolveDetectorSpec } from '../../../harness/detectors/detector-spec.js';

const REPO = path.resolve(import.meta.dirname, '../../..');
const FILE = '/specs/mine.json';
const spec = (o: object) => JSON.stringify({ schema: 'goverity/detector@1', name: 'mine', ...o });
const fails = (o: object) => {
  try {
    parseDetectorSpec(FILE, spec(o));
  } catch (e) {
    expect(e).toBeInstanceOf(DetectorSpecError);
    expect((e as Error).message).not.toContain('\n');
    return (e as Error).message;
  }
  throw new Error('parsed');
};

describe('parseDetectorSpec', () => {
  it('reads a JSON detector with files resolved against the spec folder, and the default bounds', () => {
    const s = parseDetectorSpec(FILE, spec({ files: ['bin/check.sh'], command: ['sh', 'check.sh'], output: 'json' }));
    expect(s).toMatchObject({ name: 'mine', builtin: null, command: ['sh', 'check.sh'], output: { json: true }, timeoutMs: 120_000, maxOutputBytes: 1 << 20 });
    expect(s.files).toEqual([{ name: 'check.sh', hostPath: '/specs/bin/check.sh' }]);
  });

  it('reads an exit-status mapping and the bounds', () => {
    const s = parseDetectorSpec(
      FILE,
      spec({ command: ['x'], output: { exitCodes: { '0': 'ready', '1': 'broken' } }, timeoutSeconds: 5, maxOutputBytes: 4096 }),
    );
    expect(s.output).toEqual({ exitCodes: { '0': 'ready', '1': 'broken' } });
    expect([s.timeoutMs, s.maxOutputBytes]).toEqual([5000, 4096]);
  });

  it('reads the built-in goverity detector, which takes no command', () => {
    expect(parseDetectorSpec(FILE, spec({ builtin: 'goverity' }))).toMatchObject({ builtin: 'goverity', command: [], files: [] });
    expect(fails({ builtin: 'goverity', command: ['x'] })).toBe(`${FILE}: command: a builtin detector has no command, files or output`);
    expect(fails({ builtin: 'other' })).toContain('builtin: the only built-in detector is "goverity"');
  });

  it('names the file, the field and what is allowed for every bad field', () => {
    expect(fails({ schema: 'x', command: ['x'], output: 'json' })).toBe(`${FILE}: schema: must be "goverity/detector@1"`);
    expect(fails({ output: 'json' })).toContain('command: must be a non-empty array of strings');
    expect(fails({ command: ['x'], output: 'text' })).toContain('output: must be "json"');
    expect(fails({ command: ['x'], output: { exitCodes: { '0': 'fine' } } })).toContain(
      'output.exitCodes.0: "fine" is not one of ready, degraded, broken, absent',
    );
    expect(fails({ command: ['x'], output: { exitCodes: { '-1': 'ready' } } })).toContain('output.exitCodes.-1: keys are exit statuses, 0 to 255');
    expect(fails({ command: ['x'], output: { exitCodes: {} } })).toContain('must map at least one exit status');
    expect(fails({ command: ['x'], output: 'json', timeoutSeconds: 0 })).toContain('timeoutSeconds: must be a whole number > 0');
    expect(fails({ command: ['x'], output: 'json', files: ['a/x.sh', 'b/x.sh'] })).toContain('two files are named x.sh');
    expect(fails({ command: ['x'], output: 'json', files: ['node'] })).toContain('"node" is taken');
    expect(fails({ name: 'a b', command: ['x'], output: 'json' })).toContain('name: must be letters');
    expect(() => parseDetectorSpec(FILE, '{')).toThrow(/^\/specs\/mine\.json: \(json\): /);
  });
});

describe('resolveDetectorSpec and the reference detectors', () => {
  it('takes a path, or a bare name from detectors/, and says how to fix anything else', async () => {
    expect(await resolveDetectorSpec('goverity', REPO)).toBe(path.join(REPO, 'detectors/goverity.json'));
    expect(await resolveDetectorSpec(path.join(REPO, 'detectors/which-go.json'), REPO)).toBe(path.join(REPO, 'detectors/which-go.json'));
    await expect(resolveDetectorSpec('nope', REPO)).rejects.toThrow('--detector nope: no such file, and no detectors/nope.json');
  });

  it('loads every reference detector, and refuses a spec whose file is missing', async () => {
    const naive = await loadDetectorSpec(path.join(REPO, 'detectors/naive-checklist.json'));
    expect(naive.files.map((f) => f.name)).toEqual(['naive-checklist.sh']);
    expect((await loadDetectorSpec(path.join(REPO, 'detectors/which-go.json'))).output).toHaveProperty('exitCodes');
    expect((await loadDetectorSpec(path.join(REPO, 'detectors/goverity.json'))).builtin).toBe('goverity');
    const hang = await loadDetectorSpec(path.join(REPO, 'test/fixtures/detectors/hang.json'));
    expect(hang.timeoutMs).toBe(3000);
    await expect(loadDetectorSpec(path.join(REPO, 'detectors/none.json'))).rejects.toThrow(/none\.json: cannot read it \(ENOENT\)/);
  });
});
