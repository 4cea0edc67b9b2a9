import { describe, expect, it } from 'vitest';
import { escapeMarkup, escapeMarkupAttribute, stripInvalidXmlChars } from '../../../harness/reporters/escape-markup.js';

describe('escapeMarkup', () => {
  it('escapes the five markup characters', () => {
    expect(escapeMarkup(`<script>alert("x")</script> & 'y' ]]>`)).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39; ]]&gt;');
  });

  it('drops characters XML 1.0 cannot carry, keeps tab, newlines and astral characters', () => {
    expect(stripInvalidXmlChars('a\u0000b\u0007c\u001b[31md\ud800e\uffff\tf\ng\r🙂')).toBe('abc[31mde\tf\ng\r🙂');
  });

  it('keeps line breaks of attributes as references', () => {
    expect(escapeMarkupAttribute('a\nb\t"c"')).toBe('a&#10;b&#9;&quot;c&quot;');
  });
});
