/** Characters no file name on Windows may hold (and a drive-relative or UNC path is not a layout path). */
const WINDOWS_BAD = /[<>:"|?*]/;

/**
 * A snapshot path as a path relative to the layout root, or null when it can't be one: not absolute, a "..",
 * a control character, another drive. Linux and macOS paths map to /; Windows C:\ paths to Wine's drive_c.
 */
export function layoutPath(os: 'posix' | 'windows', p: string): string | null {
  if (/[\u0000-\u001f\u007f]/.test(p)) return null;
  let parts: string[];
  if (os === 'windows') {
    const m = /^[cC]:[\\/](.*)$/.exec(p);
    if (!m) return null;
    parts = m[1]!.split(/[\\/]+/);
    if (parts.some((x) => WINDOWS_BAD.test(x) || x === '..')) return null;
    // Windows ignores trailing dots and spaces in names; Unix would keep them.
    parts = parts
      .filter((x) => x !== '.')
      .map((x) => x.replace(/[. ]+$/, ''))
      .filter((x) => x !== '');
  } else {
    if (!p.startsWith('/')) return null;
    parts = p.split('/').filter((x) => x !== '' && x !== '.');
  }
  if (parts.length === 0 || parts.includes('..')) return null;
  return parts.join('/');
}
