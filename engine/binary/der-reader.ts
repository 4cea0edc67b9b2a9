/** One BER/DER element: where its header, content and end lie in the buffer it was read from. */
export interface DerNode {
  /** The identifier octet as is: class bits, constructed bit, tag number (< 31). */
  tag: number;
  constructed: boolean;
  start: number;
  contentStart: number;
  contentEnd: number;
  end: number;
}

export const TAG = {
  BOOLEAN: 0x01,
  INTEGER: 0x02,
  BIT_STRING: 0x03,
  OCTET_STRING: 0x04,
  NULL: 0x05,
  OID: 0x06,
  UTF8_STRING: 0x0c,
  PRINTABLE_STRING: 0x13,
  IA5_STRING: 0x16,
  UTC_TIME: 0x17,
  GENERALIZED_TIME: 0x18,
  BMP_STRING: 0x1e,
  SEQUENCE: 0x30,
  SET: 0x31,
} as const;

/** Context-specific tag [n], constructed or not. */
export const context = (n: number, constructed = true): number => 0x80 | (constructed ? 0x20 : 0) | n;

export class DerError extends Error {}

// Apple's codesign writes CMS with BER indefinite lengths; nesting deeper than this is no real signature.
const MAX_DEPTH = 48;
const MAX_CHILDREN = 100_000;

/** Reads the element at `at`, which must end by `limit`; throws DerError on anything malformed. */
export function readDer(bytes: Uint8Array, at: number, limit = bytes.length, depth = 0): DerNode {
  if (depth > MAX_DEPTH) throw new DerError('nested too deep');
  if (at + 2 > limit) throw new DerError('element header runs past its container');
  const tag = bytes[at]!;
  if ((tag & 0x1f) === 0x1f) throw new DerError('high tag numbers are not used by signatures');
  const constructed = (tag & 0x20) !== 0;
  let len = bytes[at + 1]!;
  let contentStart = at + 2;
  if (len === 0x80) {
    // Indefinite length (BER): constructed content, up to an end-of-contents pair of zero octets.
    if (!constructed) throw new DerError('indefinite length on a primitive element');
    let p = contentStart;
    for (let n = 0; ; n++) {
      if (n > MAX_CHILDREN) throw new DerError('too many elements');
      if (p + 2 > limit) throw new DerError('indefinite-length element never ends');
      if (bytes[p] === 0 && bytes[p + 1] === 0) return { tag, constructed, start: at, contentStart, contentEnd: p, end: p + 2 };
      p = readDer(bytes, p, limit, depth + 1).end;
    }
  }
  if (len & 0x80) {
    const octets = len & 0x7f;
    if (octets > 4 || contentStart + octets > limit) throw new DerError('length field too long');
    len = 0;
    for (let i = 0; i < octets; i++) len = len * 256 + bytes[contentStart + i]!;
    contentStart += octets;
  }
  const contentEnd = contentStart + len;
  if (contentEnd > limit) throw new DerError('element runs past its container');
  return { tag, constructed, start: at, contentStart, contentEnd, end: contentEnd };
}

export function children(bytes: Uint8Array, node: DerNode, depth = 0): DerNode[] {
  if (!node.constructed) throw new DerError('expected a constructed element');
  const out: DerNode[] = [];
  for (let p = node.contentStart; p < node.contentEnd; ) {
    if (out.length >= MAX_CHILDREN) throw new DerError('too many elements');
    const child = readDer(bytes, p, node.contentEnd, depth + 1);
    out.push(child);
    p = child.end;
  }
  return out;
}

export function expectTag(node: DerNode | undefined, tag: number, what: string): DerNode {
  if (!node || node.tag !== tag) throw new DerError(`${what}: expected tag 0x${tag.toString(16)}, found ${node ? `0x${node.tag.toString(16)}` : 'nothing'}`);
  return node;
}

export function content(bytes: Uint8Array, node: DerNode): Uint8Array {
  return bytes.subarray(node.contentStart, node.contentEnd);
}

export function raw(bytes: Uint8Array, node: DerNode): Uint8Array {
  return bytes.subarray(node.start, node.end);
}

/** An OCTET STRING's value; BER may split one into constructed chunks. */
export function octets(bytes: Uint8Array, node: DerNode): Uint8Array {
  if (!node.constructed) return content(bytes, node).slice();
  const parts = children(bytes, node).map((c) => octets(bytes, c));
  return Buffer.concat(parts);
}

export function oid(bytes: Uint8Array, node: DerNode): string {
  expectTag(node, TAG.OID, 'object identifier');
  const v = content(bytes, node);
  if (v.length === 0 || v.length > 64) throw new DerError('bad object identifier');
  const arcs: number[] = [];
  let acc = 0;
  for (const b of v) {
    acc = acc * 128 + (b & 0x7f);
    if (!(b & 0x80)) {
      arcs.push(acc);
      acc = 0;
    }
  }
  const first = arcs.shift() ?? 0;
  const head = first < 40 ? [0, first] : first < 80 ? [1, first - 40] : [2, first - 80];
  return [...head, ...arcs].join('.');
}

/** UTCTime or GeneralizedTime, as an ISO string; null when it does not parse. */
export function time(bytes: Uint8Array, node: DerNode): string | null {
  const text = Buffer.from(content(bytes, node)).toString('latin1');
  const m =
    node.tag === TAG.UTC_TIME
      ? /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?Z$/.exec(text)
      : node.tag === TAG.GENERALIZED_TIME
        ? /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?(?:\.\d+)?Z$/.exec(text)
        : null;
  if (!m) return null;
  let year = Number(m[1]);
  // RFC 5280 4.1.2.5.1: two-digit years 50-99 are 19xx.
  if (node.tag === TAG.UTC_TIME) year += year >= 50 ? 1900 : 2000;
  const date = new Date(Date.UTC(year, Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0)));
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
