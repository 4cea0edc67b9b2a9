import { describe, expect, it } from 'vitest';
import { container } from '../../../engine/checks/container.js';
import { fixtureNames, loadSnapshot, only } from '../snapshot-builders.js';

describe('container (CONTAINER)', () => {
  it.each(fixtureNames('linux-'))('notes the container with its evidence: %s', (name) => {
    const f = only(container(loadSnapshot(name)), 'CONTAINER');
    expect(f.severity).toBe('info');
    expect(f.message).toBe('The target is a container.');
    expect(f.evidence).toContain('/.dockerenv exists');
    expect(f.evidence[0]).toMatch(/^target docker-image:goverity\/.+ is a container$/);
    expect(f.fix).toBeNull();
  });

  it.each([...fixtureNames('darwin-'), ...fixtureNames('windows-')])('stays silent on a local machine: %s', (name) => {
    expect(container(loadSnapshot(name))).toEqual([]);
  });
});
