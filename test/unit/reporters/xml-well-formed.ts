/**
 * A small XML well-formedness checker for the reporters' output (no DOM in the unit tier): one root,
 * balanced tags, quoted attributes without `<`, only known entity references, no invalid characters.
 */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
}

const NAME = '[A-Za-z_][\\w.:-]*';
const TOKEN = new RegExp(
  [
    '<\\?xml\\b[^?]*\\?>',
    '<!--([\\s\\S]*?)-->',
    '<!\\[CDATA\\[[\\s\\S]*?\\]\\]>',
    '<!DOCTYPE\\s[^<>]*>',
    `</(${NAME})\\s*>`,
    `<(${NAME})((?:\\s+${NAME}\\s*=\\s*(?:"[^"<]*"|'[^'<]*'))*)\\s*(/?)>`,
    '([^<]+)',
    '(<)',
  ].join('|'),
  'gy',
);
const ATTR = new RegExp(`(${NAME})\\s*=\\s*(?:"([^"<]*)"|'([^'<]*)')`, 'g');
const BAD_REF = /&(?!(?:amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);)/;
const INVALID = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

export function checkXml(xml: string, opts: { doctype?: boolean } = {}): { problems: string[]; elements: XmlElement[] } {
  const problems: string[] = [];
  const elements: XmlElement[] = [];
  const stack: string[] = [];
  let roots = 0;
  const bad = INVALID.exec(xml);
  if (bad) problems.push(`invalid character U+${bad[0].codePointAt(0)!.toString(16)} at ${bad.index}`);
  TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while (TOKEN.lastIndex < xml.length && (m = TOKEN.exec(xml))) {
    const [tok, comment, close, open, attrText, selfClose, text, stray] = m;
    const at = m.index;
    if (tok.startsWith('<?xml')) {
      if (at !== 0) problems.push(`XML declaration not at the start (${at})`);
    } else if (comment !== undefined) {
      if (comment.includes('--')) problems.push(`"--" inside a comment at ${at}`);
    } else if (tok.startsWith('<![CDATA[')) {
      if (stack.length === 0) problems.push(`CDATA outside the root at ${at}`);
    } else if (tok.startsWith('<!DOCTYPE')) {
      if (!opts.doctype) problems.push(`DOCTYPE at ${at}`);
      if (roots || stack.length) problems.push(`DOCTYPE after the root at ${at}`);
    } else if (close !== undefined) {
      const top = stack.pop();
      if (top !== close) problems.push(`</${close}> at ${at} closes <${top ?? 'nothing'}>`);
    } else if (open !== undefined) {
      if (stack.length === 0 && roots++ > 0) problems.push(`second root <${open}> at ${at}`);
      const attrs: Record<string, string> = {};
      for (const a of (attrText ?? '').matchAll(ATTR)) {
        const value = a[2] ?? a[3] ?? '';
        if (a[1]! in attrs) problems.push(`duplicate attribute ${a[1]} on <${open}> at ${at}`);
        if (BAD_REF.test(value)) problems.push(`bare & in attribute ${a[1]} of <${open}> at ${at}`);
        attrs[a[1]!] = value;
      }
      elements.push({ name: open, attrs });
      if (!selfClose) stack.push(open);
    } else if (text !== undefined) {
      if (stack.length === 0 && text.trim()) problems.push(`text outside the root at ${at}: ${JSON.stringify(text.slice(0, 40))}`);
      if (BAD_REF.test(text)) problems.push(`bare & in text at ${at}: ${JSON.stringify(text.slice(0, 60))}`);
      if (text.includes(']]>')) problems.push(`"]]>" in text at ${at}`);
    } else if (stray !== undefined) {
      problems.push(`stray < at ${at}: ${JSON.stringify(xml.slice(at, at + 40))}`);
    }
  }
  if (stack.length) problems.push(`unclosed: ${stack.map((s) => `<${s}>`).join(' ')}`);
  if (roots === 0) problems.push('no root element');
  return { problems, elements };
}
