import { describe, expect, it } from 'vitest';
import { pathRelative } from '../../../engine/checks/path-relative.js';
import { GENUINE_FIXTURES, loadSnapshot, only, variant } from '../snapshot-builders.js';

const withPath = (name: string, entries: string[]) => variant(loadSnapshot(name), (d) => void (d.pathEntries = entries));

describe('path-relative (PATH_RELATIVE)', () => {
  it('warns about "." and relative entries on PATH', () => {
    const f = only(pathRelative(withPath('linux-debian-golang-go', ['.', '/usr/bin', 'node_modules/.bin'])), 'PATH_RELATIVE');
    expect(f.severity).toBe('warning');
    expect(f.evidence).toEqual(['PATH entry 1: . (or an empty element)', 'PATH entry 3: node_modules/.bin']);
    expect(f.fix).toMatch(/^Remove the relative entries from PATH/);
  });

  it('on Windows judges drive and UNC paths absolute and leaves unexpanded %VAR% entries alone', () => {
    expect(pathRelative(withPath('windows-msi', ['C:\\Go\\bin', '\\\\srv\\tools', '%USERPROFILE%\\go\\bin']))).toEqual([]);
    expect(only(pathRelative(withPath('windows-msi', ['C:\\Go\\bin', '.\\bin'])), 'PATH_RELATIVE').evidence).toEqual(['PATH entry 2: .\\bin']);
  });

  it.each([...GENUINE_FIXTURES, 'linux-no-go'])('stays silent on %s', (name) => {
    expect(pathRelative(loadSnapshot(name))).toEqual([]);
  });
});
