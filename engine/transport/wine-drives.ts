import path from 'node:path';

/**
 * Wine's drive letters: each `$WINEPREFIX/dosdevices/x:` symlink names the Unix directory drive X: shows
 * (c: → ../drive_c, z: → /). Maps Windows paths to the container's files and back.
 */
export class WineDrives {
  /** Drive letter (lower case) → absolute Unix directory. */
  readonly roots: ReadonlyMap<string, string>;

  constructor(roots: Record<string, string>) {
    this.roots = new Map(Object.entries(roots).map(([letter, root]) => [letter.toLowerCase(), path.posix.resolve(root)]));
  }

  /** From the dosdevices entries (name → raw symlink target, relative to the dosdevices directory). */
  static fromDosdevices(prefix: string, links: Record<string, string>): WineDrives {
    const dosdevices = path.posix.join(prefix, 'dosdevices');
    const roots: Record<string, string> = {};
    for (const [name, target] of Object.entries(links)) {
      const m = /^([a-z]):$/i.exec(name);
      if (m) roots[m[1]!.toLowerCase()] = path.posix.resolve(dosdevices, target);
    }
    return new WineDrives(roots);
  }

  /** What a fresh prefix has: C: is drive_c, Z: the root filesystem. */
  static defaults(prefix: string): WineDrives {
    return new WineDrives({ c: path.posix.join(prefix, 'drive_c'), z: '/' });
  }

  /** The Unix path behind an absolute drive path (`C:\x`, `c:/x`, `\\?\C:\x`); null for relative, UNC or unmapped paths. */
  toUnix(windowsPath: string): string | null {
    const p = windowsPath.replace(/^\\\\\?\\/, '');
    const m = /^([a-z]):(?:[\\/](.*))?$/is.exec(p);
    if (!m) return null;
    const root = this.roots.get(m[1]!.toLowerCase());
    if (root === undefined) return null;
    // Normalizing under a fixed root keeps `..` from climbing out of the drive, as on Windows.
    const rest = path.win32
      .normalize(`\\${m[2] ?? ''}`)
      .split('\\')
      .filter(Boolean);
    return path.posix.join(root, ...rest);
  }

  /** The drive path Wine shows for a Unix path: the drive with the longest root containing it (Z: for `/`). */
  toWindows(unixPath: string): string | null {
    const p = path.posix.resolve(unixPath);
    let best: [string, string] | null = null;
    for (const [letter, root] of this.roots) {
      const inside = root === '/' || p === root || p.startsWith(`${root}/`);
      if (inside && (!best || root.length > best[1].length)) best = [letter, root];
    }
    if (!best) return null;
    const rest = (best[1] === '/' ? p.slice(1) : p.slice(best[1].length + 1)).split('/').filter(Boolean);
    return `${best[0].toUpperCase()}:\\${rest.join('\\')}`;
  }
}
