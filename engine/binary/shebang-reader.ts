import { ByteView } from './byte-view.js';

const MAX_LINE = 4096;

export interface Shebang {
  /** The line after "#!", trimmed; null when empty. */
  interpreter: string | null;
  problems: string[];
}

export function isShebang(bytes: Uint8Array): boolean {
  return bytes[0] === 0x23 && bytes[1] === 0x21;
}

export function readShebang(bytes: Uint8Array, fileSize = bytes.length): Shebang {
  const view = new ByteView(bytes);
  const line = view.slice(2, MAX_LINE);
  const newline = line.indexOf(0x0a);
  const problems: string[] = [];
  if (newline < 0 && line.length < MAX_LINE && bytes.length < fileSize) problems.push('partial-read');
  const text = new TextDecoder('utf-8').decode(newline < 0 ? line : line.subarray(0, newline)).trim();
  if (text === '') problems.push('bad-header');
  return { interpreter: text === '' ? null : text, problems };
}
