import { renderMarkdown } from './markdown';

/** Known XSS shapes (after the OWASP filter-evasion cheat sheet); none may survive rendering. */
const PAYLOADS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<svg/onload=alert(1)>',
  '[click](javascript:alert(1))',
  '[click](JaVaScRiPt:alert(1))',
  '[click](&#106;avascript:alert(1))',
  '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '![x](javascript:alert(1))',
  '<a href="javascript:alert(1)">x</a>',
  '<iframe src="https://evil.example"></iframe>',
  '<div style="background:url(javascript:alert(1))">x</div>',
  '<p style="position:fixed;top:0">cover</p>',
  '<style>body{display:none}</style>',
  '<object data="x.swf"></object>',
  '<embed src="x.swf">',
  '<form action="https://evil.example"><input name=p></form>',
  '<body onload=alert(1)>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<a href="  javascript:alert(1)">x</a>',
  '<a href="vbscript:msgbox(1)">x</a>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<base href="https://evil.example/">',
  '<details open ontoggle=alert(1)>',
  '<IMG SRC=`javascript:alert(1)`>',
  '<scr<script>ipt>alert(1)</scr</script>ipt>',
];

describe('renderMarkdown', () => {
  it('renders ordinary Markdown', () => {
    const html = renderMarkdown('## Hello\n\nSome **bold** words and [a link](https://example.org).');
    expect(html).toContain('<h2>Hello</h2>');
    expect(html).toContain('<strong>bold</strong>');
    expect(html).toContain('href="https://example.org"');
    expect(html).toContain('rel="noopener noreferrer nofollow"');
  });

  it.each(PAYLOADS)('neutralizes %s', (payload) => {
    const html = renderMarkdown(payload).toLowerCase();
    expect(html).not.toMatch(/<script|<iframe|<object|<embed|<form|<style|<meta|<base|<svg|<math/);
    expect(html).not.toMatch(/\son[a-z]+\s*=/);
    expect(html).not.toMatch(/(href|src)\s*=\s*["']?\s*(javascript|vbscript|data):/);
    expect(html).not.toMatch(/style\s*=/);
  });
});
