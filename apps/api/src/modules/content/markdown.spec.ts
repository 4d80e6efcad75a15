import { DomUtils, parseDocument } from 'htmlparser2';
import { renderMarkdown } from './markdown';

/**
 * Known XSS shapes, after the OWASP XSS filter-evasion cheat sheet, the HTML5 Security Cheatsheet and
 * Markdown-specific ones (reference links, autolinks, titles); none may survive rendering.
 */
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
  // Encodings and whitespace inside the scheme.
  '<a href="java&#x09;script:alert(1)">x</a>',
  '<a href="java\tscript:alert(1)">x</a>',
  '<a href="jav&#x0D;ascript:alert(1)">x</a>',
  '<a href="javas&#99;ript:alert(1)">x</a>',
  '<a href="javascript&#58;alert(1)">x</a>',
  '<a href="javascript&colon;alert(1)">x</a>',
  '<a href="&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)">x</a>',
  '<a href="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert(1)">x</a>',
  '<a href="jav\u0000ascript:alert(1)">x</a>',
  '<a href="data:text/html,<script>alert(1)</script>">x</a>',
  '<a href="//evil.example/steal">protocol-relative</a>',
  // Markdown's own ways to make a link or an image.
  '[x](javascript&colon;alert(1))',
  '[x](  javascript:alert(1))',
  '[x](<javascript:alert(1)>)',
  '[x][ref]\n\n[ref]: javascript:alert(1)',
  '![x][img]\n\n[img]: javascript:alert(1)',
  '<javascript:alert(1)>',
  '![x](x" onerror="alert(1))',
  '[x](https://a.example "title\\" onmouseover=\\"alert(1)")',
  "[a](javascript:/*--></title></style></textarea></script></xmp><svg/onload='+/\"/+/onmouseover=1/+/[*/[]/+alert(1)//'>)",
  '[x](https://ok.example) <a href="https://ok.example" onclick="alert(1)" style="color:red">y</a>',
  // Handlers on elements that are otherwise allowed, and elements that act by themselves.
  '<h2 onclick=alert(1)>title</h2>',
  '<img src=x:alert(alt) onerror=eval(src) alt=0>',
  '<img src="https://a.example/x.png" srcset="javascript:alert(1) 1x">',
  '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">',
  '<video><source onerror="alert(1)"></video>',
  '<audio src=x onerror=alert(1)>',
  '<input autofocus onfocus=alert(1)>',
  '<select autofocus onfocus=alert(1)></select>',
  '<textarea autofocus onfocus=alert(1)></textarea>',
  '<marquee onstart=alert(1)>x</marquee>',
  '<isindex type=image src=1 onerror=alert(1)>',
  '<button formaction=javascript:alert(1)>x</button>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
  '<svg><script>alert(1)</script></svg>',
  '<math href="javascript:alert(1)">x</math>',
  '<link rel=stylesheet href="https://evil.example/x.css">',
  '<table background="javascript:alert(1)"><tr><td>x</td></tr></table>',
  '<div onmouseover="alert(1)">hover</div>',
  '<!--<img src="--><img src=x onerror=alert(1)//">',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
  '<template><script>alert(1)</script></template>',
  '<xmp><img src=x onerror=alert(1)></xmp>',
  '<plaintext><script>alert(1)</script>',
  '<div style="width: expression(alert(1))">x</div>',
  '<style>@import "https://evil.example/x.css";</style>',
  '<base target="_blank">',
  // DOM clobbering and look-alike forms.
  '<p id="__proto__" class="admin" name="x">x</p>',
  '<a id="config" name="config" href="https://a.example">x</a>',
  '<img name="getElementById" src="https://a.example/x.png">',
  '<a href="https://ok.example" target="_top">x</a>',
  '<a href="https://ok.example" ping="https://evil.example/log">x</a>',
];

const ALLOWED_TAGS = new Set(['h2', 'h3', 'h4', 'p', 'br', 'hr', 'blockquote', 'ul', 'ol', 'li', 'strong', 'em', 'del', 'code', 'pre', 'a', 'img', 'table', 'thead', 'tbody', 'tr', 'th', 'td']);
const ALLOWED_ATTRIBUTES: Record<string, Set<string>> = {
  a: new Set(['href', 'title', 'rel']),
  img: new Set(['src', 'alt', 'title']),
  th: new Set(['align']),
  td: new Set(['align']),
};
const SAFE_URL = /^(https?:|mailto:|[^:]*$)/i;

/** Parses what the renderer produced as a browser would, and lists everything that could run or restyle. */
function problemsIn(rendered: string): string[] {
  const problems: string[] = [];
  const document = parseDocument(rendered, { decodeEntities: true });
  for (const element of DomUtils.findAll(() => true, document.children)) {
    if (!ALLOWED_TAGS.has(element.name)) problems.push(`tag <${element.name}>`);
    for (const [name, value] of Object.entries(element.attribs)) {
      if (!ALLOWED_ATTRIBUTES[element.name]?.has(name)) problems.push(`attribute ${name} on <${element.name}>`);
      // eslint-disable-next-line no-control-regex
      const url = value.replace(/[\u0000-\u0020]/g, '');
      if ((name === 'href' || name === 'src') && !SAFE_URL.test(url)) problems.push(`${name}="${value}"`);
      if ((name === 'href' || name === 'src') && url.startsWith('//')) problems.push(`protocol-relative ${name}`);
    }
  }
  return problems;
}

describe('renderMarkdown', () => {
  it('renders ordinary Markdown', () => {
    const html = renderMarkdown('## Hello\n\nSome **bold** words and [a link](https://example.org).');
    expect(html).toContain('<h2>Hello</h2>');
    expect(html).toContain('<strong>bold</strong>');
    expect(html).toContain('href="https://example.org"');
    expect(html).toContain('rel="noopener noreferrer nofollow"');
  });

  it('keeps what articles need: lists, quotes, code, tables, images, mail links', () => {
    const html = renderMarkdown(
      '> quoted\n\n- one\n- two\n\n`<script>` in code\n\n| a | b |\n|---|:-:|\n| 1 | 2 |\n\n![A path](https://images.example/p.jpg)\n\n[write](mailto:hello@example.org)\n\n# Top',
    );
    expect(problemsIn(html)).toEqual([]);
    expect(html).toContain('<blockquote>');
    expect(html).toContain('<li>two</li>');
    expect(html).toContain('<code>&lt;script&gt;</code>');
    expect(html).toContain('<td align="center">2</td>');
    expect(html).toContain('<img src="https://images.example/p.jpg" alt="A path" />');
    expect(html).toContain('href="mailto:hello@example.org"');
    // The page has its own h1; an article's top heading becomes an h2.
    expect(html).toContain('<h2>Top</h2>');
  });

  it('has a checker that would notice a payload getting through', () => {
    expect(problemsIn('<a href="java&#x09;script:alert(1)" onclick="x">x</a><img src="//evil.example" style="a"><svg></svg>')).toEqual([
      'href="java\tscript:alert(1)"',
      'attribute onclick on <a>',
      'protocol-relative src',
      'attribute style on <img>',
      'tag <svg>',
    ]);
  });

  it.each(PAYLOADS)('neutralizes %s', (payload) => {
    const html = renderMarkdown(payload);
    // No tag outside the allowlist, no attribute outside it (so no handler, style or id), no unsafe URL.
    expect(problemsIn(html)).toEqual([]);
    // Text may mention "onerror=" harmlessly; only a real tag could act, and text never holds a raw "<".
    expect(html.toLowerCase()).not.toMatch(/<(script|iframe|object|embed|form|style|meta|base|svg|math|link|input|button|template|noscript)\b/);
  });

  it('is stable: rendering its own output again adds nothing dangerous', () => {
    for (const payload of PAYLOADS) expect(problemsIn(renderMarkdown(renderMarkdown(payload)))).toEqual([]);
  });
});
