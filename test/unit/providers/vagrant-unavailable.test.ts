import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { VagrantProvider } from '../../../harness/providers/vagrant-provider.js';

const dirs: string[] = [];
/** A PATH directory holding executables with these names (they are never run). */
function binDir(...names: string[]): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'goverity-path-'));
  dirs.push(dir);
  for (const n of names) {
    writeFileSync(path.join(dir, n), '#!/bin/sh\nexit 0\n');
    chmodSync(path.join(dir, n), 0o755);
  }
  return dir;
}

afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe.skipIf(process.platform === 'win32')('VagrantProvider.unavailable', () => {
  it('says in one line how to install vagrant when it is not on PATH', async () => {
    const why = await VagrantProvider.unavailable(binDir('docker'));
    expect(why).toMatch(
      /^vagrant is not installed: run scripts\/vagrant\.sh .*apt-get install --no-install-recommends vagrant.*https:\/\/developer\.hashicorp\.com\/vagrant\/install$/,
    );
    expect(why).not.toContain('\n');
  });

  it("needs the docker CLI, which Vagrant's docker provider runs", async () => {
    expect(await VagrantProvider.unavailable(binDir('vagrant'))).toMatch(/docker CLI, which is not on PATH: apt-get install docker\.io/);
  });

  it('is available with both, found in any PATH entry', async () => {
    expect(await VagrantProvider.unavailable([binDir('vagrant'), '/nonexistent', binDir('docker')].join(path.delimiter))).toBeNull();
  });

  it('does not take a file without the executable bit', async () => {
    const dir = binDir('docker');
    writeFileSync(path.join(dir, 'vagrant'), 'not a program');
    expect(await VagrantProvider.unavailable(dir)).toMatch(/^vagrant is not installed/);
  });
});
