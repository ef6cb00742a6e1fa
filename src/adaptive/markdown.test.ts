import { describe, expect, it } from 'vitest';
import { decodeEntities, htmlToMarkdown } from './html.ts';
import { convertInlineText, convertText } from './markdown.ts';

const md = (text: string) => convertText(text, { html: false });
const constructs = (text: string, html = false) => convertText(text, { html }).findings.map((f) => f.construct);

describe('Markdown for Adaptive Cards', () => {
  it('keeps bold, italic, links and lists, which Adaptive Card text understands', () => {
    expect(md('**bold** and *it* and [Bing](https://www.bing.com)').parts).toEqual([
      { kind: 'text', markdown: '**bold** and _it_ and [Bing](https://www.bing.com)' },
    ]);
    expect(md('Intro\n\n- one\n- two').parts).toEqual([{ kind: 'text', markdown: 'Intro\n\n- one\n- two' }]);
    expect(md('1. Green\r1. Orange').parts).toEqual([{ kind: 'text', markdown: '1. Green\n2. Orange' }]);
    expect(md('plain').findings).toEqual([]);
  });

  it('keeps nested lists indented under their item', () => {
    expect(md('- a\n  - b\n- c').parts).toEqual([{ kind: 'text', markdown: '- a\n   - b\n- c' }]);
  });

  it('keeps literal asterisks and edge underscores literal, and word-inner underscores as they are', () => {
    expect(md('2 \\* 3 = 6, high_memory_load, \\_x\\_').parts).toEqual([
      { kind: 'text', markdown: '2 \\* 3 = 6, high_memory_load, \\_x\\_' },
    ]);
  });

  it('turns headings into parts of their own', () => {
    expect(md('# Big\n## Medium\nbody').parts).toEqual([
      { kind: 'heading', level: 1, markdown: 'Big' },
      { kind: 'heading', level: 2, markdown: 'Medium' },
      { kind: 'text', markdown: 'body' },
    ]);
    expect(constructs('# Big')).toEqual(['heading']);
  });

  it('splits images out of the text, in place', () => {
    expect(md('before ![Duck](https://example.com/d.png) after').parts).toEqual([
      { kind: 'text', markdown: 'before' },
      { kind: 'image', url: 'https://example.com/d.png', alt: 'Duck' },
      { kind: 'text', markdown: 'after' },
    ]);
  });

  it('turns blockquotes, code blocks and rules into parts, and drops strikethrough marks', () => {
    expect(md('> quoted *text*').parts).toEqual([
      { kind: 'quote', parts: [{ kind: 'text', markdown: 'quoted _text_' }] },
    ]);
    expect(md('```\nline 1\nline 2\n```').parts).toEqual([{ kind: 'code', text: 'line 1\nline 2' }]);
    expect(md('a\n\n---\n\nb').parts).toEqual([
      { kind: 'text', markdown: 'a' },
      { kind: 'rule' },
      { kind: 'text', markdown: 'b' },
    ]);
    expect(md('~~old~~ new').parts).toEqual([{ kind: 'text', markdown: 'old new' }]);
    expect(constructs('~~old~~ `x`')).toEqual(['strikethrough', 'inline-code']);
  });

  it('keeps only http(s) links and images; others leave their text', () => {
    expect(md('[x](javascript:alert(1)) ![y](file:///etc/passwd)').parts).toEqual([{ kind: 'text', markdown: 'x y' }]);
    expect(constructs('[x](javascript:alert(1)) ![y](file:///etc/passwd)')).toEqual(['unsafe-link', 'unsafe-image']);
    expect(md('![ok](data:image/png;base64,AAAA)').parts).toEqual([
      { kind: 'image', url: 'data:image/png;base64,AAAA', alt: 'ok' },
    ]);
  });

  it('reads one-line fields with inline syntax only', () => {
    expect(convertInlineText('1. not a list, **bold**', { html: false }).markdown).toBe('1. not a list, **bold**');
    const image = convertInlineText('Logo ![ACME](https://e.com/l.png)', { html: false });
    expect(image.markdown).toBe('Logo ACME');
    expect(image.findings.map((f) => f.construct)).toEqual(['image']);
  });
});

describe('HTML of markdown:false sections', () => {
  it('rewrites Teams’ HTML subset as Markdown', () => {
    const { markdown, tags, ignoredTags } = htmlToMarkdown(
      '<h2>Title</h2><p>Hello <strong>bold</strong> and <em>it</em> <strike>gone</strike></p><ul><li>one</li><li>two</li></ul><ol><li>first</li></ol><blockquote>said</blockquote><pre>a  b\n c</pre><a href="https://e.com/x">link</a><img src="https://e.com/i.png" alt="pic">',
      { escapeText: true },
    );
    expect(markdown).toBe(
      '## Title\n\nHello **bold** and *it* ~~gone~~\n\n- one\n- two\n\n1. first\n\n> said\n\n```\na  b\n c\n```\n\n[link](https://e.com/x)![pic](https://e.com/i.png)',
    );
    expect(tags).toEqual(['h2', 'p', 'strong', 'em', 'strike', 'ul', 'li', 'ol', 'blockquote', 'pre', 'a', 'img']);
    expect(ignoredTags).toEqual([]);
  });

  it('escapes text so it stays text, decodes entities, and drops script content', () => {
    expect(
      htmlToMarkdown('<p>2 * 3 &amp; _x_ &lt;b&gt;</p><script>alert(1)</script>', { escapeText: true }).markdown,
    ).toBe('2 \\* 3 & \\_x\\_ \\<b\\>');
    expect(decodeEntities('&#x1F680; &#169; &nbsp;&bogus;')).toBe('🚀 © \u00a0&bogus;');
    // Every named reference of HTML, not only a hand-picked few; without its semicolon it stays text.
    expect(decodeEntities('&hearts; &rarr; &Auml; &frac12; &amp x')).toBe('♥ → Ä ½ &amp x');
  });

  it('names tags that have no Markdown form', () => {
    expect(htmlToMarkdown('<u>under</u> <font color="red">red</font>', { escapeText: true })).toMatchObject({
      markdown: 'under red',
      ignoredTags: ['u', 'font'],
    });
  });

  it('turns line breaks into hard breaks and drops links to other schemes', () => {
    const text = convertText('Thanks,<br>Maria <a href="javascript:x()">here</a>', { html: true });
    expect(text.parts).toEqual([{ kind: 'text', markdown: 'Thanks,\nMaria here' }]);
    expect(text.findings.map((f) => f.construct)).toEqual(['html']);
  });

  it('also rewrites HTML tags met in a Markdown text, leaving its Markdown alone', () => {
    expect(convertText('<p>Hello **there**</p>', { html: false }).parts).toEqual([
      { kind: 'text', markdown: 'Hello **there**' },
    ]);
  });

  it('survives unclosed, stray and misnested tags', () => {
    expect(htmlToMarkdown('<b>bold <i>both</b> after</i></p><li>loose', { escapeText: true }).markdown).toBe(
      '**bold *both*** after\n- loose',
    );
  });
});
