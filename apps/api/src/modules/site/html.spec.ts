import { html, sanitized } from './html';

describe('html template', () => {
  it('escapes every interpolated value, in text and in quoted attributes', () => {
    const evil = `"><script>alert(1)</script><a href='x' onclick="y">&`;
    const out = html`<p title="${evil}">${evil}</p>`.value;
    expect(out).not.toContain('<script');
    expect(out).not.toMatch(/"\s*onclick=/);
    expect(out).toBe(
      '<p title="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;a href=&#39;x&#39; onclick=&quot;y&quot;&gt;&amp;">&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;a href=&#39;x&#39; onclick=&quot;y&quot;&gt;&amp;</p>',
    );
  });

  it('nests templates and lists without escaping them twice, and drops empty values', () => {
    const items = ['a<b', 'c'].map((item) => html`<li>${item}</li>`);
    expect(html`<ul>${items}</ul>${null}${false}${undefined}${0}`.value).toBe('<ul><li>a&lt;b</li><li>c</li></ul>0');
  });

  it('passes sanitized markup through as it is', () => {
    expect(html`<div>${sanitized('<p>ok</p>')}</div>`.value).toBe('<div><p>ok</p></div>');
  });
});
