import { describe, expect, it } from 'vitest';
import { checkXml } from './xml-well-formed.js';

describe("checkXml (the tests' own well-formedness checker)", () => {
  it('accepts a small well-formed document and lists its elements', () => {
    const r = checkXml('<?xml version="1.0"?>\n<a x="1 &amp; 2"><b/><!-- c --><c y=\'&#10;\'>t &lt; u</c></a>\n');
    expect(r.problems).toEqual([]);
    expect(r.elements.map((e) => e.name)).toEqual(['a', 'b', 'c']);
    expect(r.elements[0]!.attrs).toEqual({ x: '1 &amp; 2' });
  });

  it.each([
    ['<a><b></a>', '</a> at 6 closes <b>'],
    ['<a>x & y</a>', 'bare & in text'],
    ['<a>1 < 2</a>', 'stray <'],
    ['<a x="<"></a>', 'stray <'],
    ['<a></a><b></b>', 'second root <b>'],
    ['<a>]]></a>', '"]]>" in text'],
    ['<a>\u0007</a>', 'invalid character U+7'],
    ['<a x="1" x="2"/>', 'duplicate attribute x'],
    ['<!DOCTYPE html><a/>', 'DOCTYPE at 0'],
    ['<a><script>', 'unclosed: <a> <script>'],
  ])('rejects %j', (xml, problem) => {
    expect(checkXml(xml).problems.join('\n')).toContain(problem);
  });
});
