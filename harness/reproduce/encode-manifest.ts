import type { LayoutOp, LayoutPlatform } from './layout-op.js';

/** Base64, and "-" for the empty string: every field is then a non-empty word, so none can go missing unseen. */
const b64 = (s: string): string => (s === '' ? '-' : Buffer.from(s, 'utf8').toString('base64'));
const octal = (m: number): string => (m & 0o7777).toString(8).padStart(3, '0');

/**
 * The manifest apply-layout.sh reads: a header line, then one operation per line, its fields base64 so that no
 * snapshot string is ever shell text. Modes are octal digits and sizes decimal: the script checks both.
 */
export function encodeManifest(platform: LayoutPlatform, ops: LayoutOp[]): string {
  const lines = [`goverity-layout 1 ${platform}`];
  for (const o of ops) {
    const fields: string[] = (() => {
      switch (o.op) {
        case 'remove':
        case 'own':
          return [b64(o.path)];
        case 'dir':
        case 'chmod':
          return [b64(o.path), octal(o.mode)];
        case 'file':
          return [b64(o.path), octal(o.mode), b64(o.content)];
        case 'link':
          return [b64(o.path), b64(o.target)];
        case 'copytree':
          return [b64(o.from), b64(o.path)];
        case 'copyfile':
          return [b64(o.from), b64(o.path), octal(o.mode)];
        case 'buildgo':
          return [b64(o.tree), b64(o.path), b64(o.goarch), o.flags];
        case 'truncate':
          return [b64(o.path), String(Math.max(0, Math.floor(o.size)))];
        case 'adduser':
          return [];
        case 'setenv':
          return [o.scope, b64(o.name), b64(o.value)];
        case 'unsetenv':
          return [o.scope, b64(o.name)];
      }
    })();
    lines.push([o.op, ...fields].join(' '));
  }
  return `${lines.join('\n')}\n`;
}
