import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import path from 'node:path';

/** The first executable named `name` in PATH's directories, or null (no spawn: a missing tool must be cheap to detect). */
export async function findOnPath(name: string, envPath: string | undefined = process.env.PATH): Promise<string | null> {
  const exts = process.platform === 'win32' ? (process.env.PATHEXT ?? '.EXE;.BAT;.CMD').split(';') : [''];
  for (const dir of (envPath ?? '').split(path.delimiter).filter(Boolean)) {
    for (const ext of exts) {
      const candidate = path.join(dir, name + ext);
      try {
        await access(candidate, constants.X_OK);
        return candidate;
      } catch {
        // not here
      }
    }
  }
  return null;
}
