import { test, expect, shot } from './fixtures.ts';
import { HOSTS, card, chooseHost } from './previewKit.ts';

const PAYLOADS = [
  '<script>window.__pwned=1</script>',
  '<img src=x onerror="window.__pwned=1">',
  '<iframe src="javascript:window.top.__pwned=1"></iframe>',
  '<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>',
  '<svg onload="window.__pwned=1"><script>window.__pwned=1</script></svg>',
  '[md link](javascript:window.__pwned=1)',
  '<a href="javascript:window.__pwned=1">html link</a>',
  '<a href="data:text/html,<script>alert(1)</script>">data link</a>',
  '<a href=" JaVaScRiPt:window.__pwned=1">spaced link</a>',
  '![md image](javascript:window.__pwned=1)',
  '<img src="data:image/svg+xml,<svg xmlns=%22http://www.w3.org/2000/svg%22 onload=%22window.__pwned=1%22/>" alt="svg">',
  '<p onmouseover="window.__pwned=1" style="position:fixed;inset:0">hover</p>',
  '<math><a xlink:href="javascript:window.__pwned=1">math link</a></math>',
  '<form action="javascript:window.__pwned=1"><button>form</button></form>',
  '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
  '<base href="https://evil.example/">',
];
const HOSTILE = PAYLOADS.join('\n\n');
const BAD_URLS = ['javascript:window.__pwned=1', 'data:text/html,<script>window.__pwned=1</script>'];

function hostileSection(markdown: boolean) {
  return {
    markdown,
    title: HOSTILE,
    activityImage: BAD_URLS[0],
    activityTitle: HOSTILE,
    activitySubtitle: HOSTILE,
    activityText: HOSTILE,
    heroImage: { image: BAD_URLS[1], title: HOSTILE },
    text: HOSTILE,
    facts: [{ name: HOSTILE, value: HOSTILE }],
    images: BAD_URLS.map((image) => ({ image, title: HOSTILE })),
    potentialAction: [
      { '@type': 'OpenUri', name: HOSTILE, targets: BAD_URLS.map((uri) => ({ os: 'default', uri })) },
      { '@type': 'ViewAction', name: HOSTILE, target: BAD_URLS },
    ],
  };
}

const hostileCard = card({
  summary: HOSTILE,
  title: HOSTILE,
  text: HOSTILE,
  themeColor: 'red;background:url(javascript:alert(1))',
  sections: [hostileSection(true), hostileSection(false)],
  potentialAction: [
    {
      '@type': 'ActionCard',
      name: HOSTILE,
      inputs: [
        { '@type': 'TextInput', id: 't', title: HOSTILE, value: HOSTILE },
        { '@type': 'MultichoiceInput', id: 'm', title: HOSTILE, choices: [{ display: HOSTILE, value: HOSTILE }] },
        { '@type': 'MultichoiceInput', id: 'e', style: 'expanded', choices: [{ display: HOSTILE, value: 'x' }] },
      ],
      actions: [
        {
          '@type': 'HttpPOST',
          name: 'Post it',
          target: BAD_URLS[0],
          headers: [{ name: HOSTILE, value: HOSTILE }],
          body: `${HOSTILE} {{t.value}}`,
        },
        { '@type': 'OpenUri', name: 'Inner link', targets: [{ os: 'default', uri: BAD_URLS[1] }] },
      ],
    },
  ],
});

test('hostile content in every field of Markdown and HTML sections runs no script and cannot take the designer away', async ({
  designer,
  page,
  context,
}, info) => {
  test.setTimeout(180_000);
  const dialogs: string[] = [];
  const popups: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  context.on('page', (p) => popups.push(p.url()));
  await designer.open();
  const start = page.url();
  await designer.replaceText(hostileCard);
  await expect(designer.preview.getByTestId('preview-section-1')).toBeVisible();

  for (const host of HOSTS) {
    await chooseHost(designer, host);
    const card = designer.preview.getByTestId('preview-card');
    // Nothing executable or embedding survived (Fluent's own icons in the input controls are SVG).
    await expect(
      card.locator(
        'script, iframe, svg:not([class*="fui-"], [class*="fui-"] svg), math, object, embed, form, meta, base, style',
      ),
    ).toHaveCount(0);
    const bad = await card.evaluate((root) => {
      const found: string[] = [];
      for (const el of root.querySelectorAll('*')) {
        for (const attr of Array.from(el.attributes)) {
          if (/^on/i.test(attr.name)) found.push(`${el.tagName} ${attr.name}`);
        }
        const href = el.getAttribute('href');
        if (href !== null && !/^https?:/i.test(href)) found.push(`href ${href}`);
        const src = el.getAttribute('src');
        if (src !== null && !/^(https?:|data:image\/(png|jpe?g|gif|webp|bmp);)/i.test(src)) found.push(`src ${src}`);
      }
      return found;
    });
    expect(bad).toEqual([]);
    // The texts are there, as text.
    await expect(card).toContainText('md link');
    await expect(designer.preview.getByTestId('preview-section-0')).toContainText('<script>');
  }
  await chooseHost(designer, 'Teams light');
  // Hover and click what a person could: every link, every button.
  const all = designer.preview.getByTestId('preview-card');
  for (const link of (await all.locator('a').all()).slice(0, 12)) await link.click();
  await all.hover();
  for (const button of await all.getByRole('button').all()) {
    if (!(await button.isVisible()) || (await button.getAttribute('aria-expanded')) !== null) continue;
    await button.click();
    await page.keyboard.press('Escape');
  }
  const actionCard = designer.preview.getByRole('button', { name: /md link/ }).last();
  if ((await actionCard.getAttribute('aria-expanded')) !== 'true') await actionCard.click();
  await designer.preview.getByRole('button', { name: 'Post it' }).click();
  const request = page.getByRole('dialog');
  await expect(request.getByTestId('http-request-body')).toContainText('<script>window.__pwned=1</script>');
  await expect(request).toContainText('not an https URL');
  await shot(page, info.outputPath('hostile-request.png'));
  await page.keyboard.press('Escape');
  await designer.preview.getByRole('button', { name: 'Inner link' }).click();
  await expect(page.getByRole('dialog').getByRole('button', { name: 'Open in a new tab' })).toHaveCount(0);
  await page.keyboard.press('Escape');

  await designer.preview.getByTestId('preview-card').scrollIntoViewIfNeeded();
  await shot(page, info.outputPath('hostile.png'), { fullPage: false });
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
  expect(popups).toEqual([]);
  expect(page.url()).toBe(start);
});
