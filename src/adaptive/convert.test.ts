/**
 * One test per row of reference/messagecard.md section 8.1 (MessageCard → Adaptive Card), then the
 * report, versions and the envelope.
 */
import { describe, expect, it } from 'vitest';
import { convertToAdaptiveCard, describePath, nearestTextColor, workflowsEnvelope } from './convert.ts';
import { formatReport, groupNotes } from './report.ts';
import type { AdaptiveObject, AdaptiveVersion, ConversionNote } from './types.ts';

function convert(card: Record<string, unknown>, version?: AdaptiveVersion) {
  return convertToAdaptiveCard(card, version ? { version } : {});
}

/** The elements of the first section's container. */
function sectionItems(section: Record<string, unknown>, extra: Record<string, unknown> = {}): AdaptiveObject[] {
  const { card } = convert({ summary: 's', ...extra, sections: [section] });
  const container = card.body.find((e) => e.type === 'Container')!;
  return container.items as AdaptiveObject[];
}

function topics(notes: readonly ConversionNote[]): string[] {
  return notes.map((n) => n.topic);
}

function noteAbout(notes: readonly ConversionNote[], topic: string): ConversionNote {
  const note = notes.find((n) => n.topic === topic);
  if (!note) throw new Error(`no note about ${topic} in ${JSON.stringify(notes, null, 2)}`);
  return note;
}

describe('section 8.1: MessageCard → Adaptive Card, row by row', () => {
  it('turns the card title into a bold, large, wrapping text block (a heading from 1.5 on)', () => {
    expect(convert({ title: 'Build 42 failed' }).card.body[0]).toEqual({
      type: 'TextBlock',
      text: 'Build 42 failed',
      wrap: true,
      weight: 'Bolder',
      size: 'Large',
    });
    expect(convert({ title: 'Build 42 failed' }, '1.5').card.body[0]).toMatchObject({ style: 'heading' });
  });

  it('turns the card text into a wrapping text block', () => {
    expect(convert({ text: 'Pipeline **main** failed.' }).card.body).toEqual([
      { type: 'TextBlock', text: 'Pipeline **main** failed.', wrap: true },
    ]);
  });

  it('keeps the summary as fallbackText, says so, and shows it when the card has nothing else', () => {
    const withText = convert({ summary: 'Build failed', text: 'Details' });
    expect(withText.card.fallbackText).toBe('Build failed');
    expect(noteAbout(withText.notes, 'summary')).toMatchObject({ kind: 'approximated', path: ['summary'] });

    const only = convert({ summary: 'Build failed' });
    expect(only.card.body).toEqual([{ type: 'TextBlock', text: 'Build failed', wrap: true }]);
    expect(topics(only.notes)).toContain('summary-as-text');
  });

  it('has no colour bar for themeColor: colours the title with the nearest Teams colour and reports it', () => {
    const { card, notes } = convert({ title: 'Down', text: 't', themeColor: 'D13438' });
    expect(card.body[0]).toMatchObject({ color: 'attention' });
    expect(noteAbout(notes, 'theme-color')).toMatchObject({ kind: 'approximated', path: ['themeColor'] });
    expect(noteAbout(notes, 'theme-color').message).toContain('#D13438');

    const untitled = convert({ text: 't', themeColor: '#00FF00' });
    expect(noteAbout(untitled.notes, 'theme-color').kind).toBe('lost');
    expect(nearestTextColor('92C353')).toBe('good');
    expect(nearestTextColor('F8D22A')).toBe('warning');
    expect(nearestTextColor('6264A7')).toBe('accent');
    expect(nearestTextColor('808080')).toBeUndefined();
  });

  it('turns each section into a container set apart by a line, as Teams sets apart every section', () => {
    const { card } = convert({ title: 'T', sections: [{ text: 'one' }, { text: 'two', startGroup: true }] });
    expect(card.body.slice(1)).toEqual([
      { type: 'Container', items: [{ type: 'TextBlock', text: 'one', wrap: true }], separator: true },
      { type: 'Container', items: [{ type: 'TextBlock', text: 'two', wrap: true }], separator: true },
    ]);
    // An empty section (`{"activityTitle": null}`) draws nothing and adds nothing.
    expect(convert({ text: 'x', sections: [{ activityTitle: null }] }).card.body).toHaveLength(1);
  });

  it('turns a section title into a bold text block', () => {
    expect(sectionItems({ title: 'What changed' })[0]).toEqual({
      type: 'TextBlock',
      text: 'What changed',
      wrap: true,
      weight: 'Bolder',
    });
  });

  it('turns the activity block into a column set: a small round image, then title, subtle subtitle and text', () => {
    const [columns] = sectionItems({
      activityImage: 'https://example.com/dana.png',
      activityTitle: 'Dana',
      activitySubtitle: '9:41 AM',
      activityText: 'Three fixes.',
    });
    expect(columns).toEqual({
      type: 'ColumnSet',
      columns: [
        {
          type: 'Column',
          width: 'auto',
          items: [
            { type: 'Image', url: 'https://example.com/dana.png', size: 'Small', style: 'Person', altText: 'Dana' },
          ],
        },
        {
          type: 'Column',
          width: 'stretch',
          items: [
            { type: 'TextBlock', text: 'Dana', wrap: true, weight: 'Bolder' },
            { type: 'TextBlock', text: '9:41 AM', wrap: true, isSubtle: true, spacing: 'None' },
            { type: 'TextBlock', text: 'Three fixes.', wrap: true, spacing: 'None' },
          ],
        },
      ],
    });
    const [article] = sectionItems({
      activityImage: 'https://example.com/a.png',
      activityImageType: 'article',
      activityTitle: 'A',
    });
    const image = ((article!.columns as AdaptiveObject[])[0]!.items as AdaptiveObject[])[0]!;
    expect(image.style).toBeUndefined();
  });

  it('shows the hero image across the card, with its title as alt text, and says Teams did not show it', () => {
    const { card, notes } = convert({
      text: 't',
      sections: [{ heroImage: { image: 'https://example.com/hero.png', title: 'Launch' } }],
    });
    expect((card.body[1]!.items as AdaptiveObject[])[0]).toEqual({
      type: 'Image',
      url: 'https://example.com/hero.png',
      altText: 'Launch',
      size: 'Stretch',
    });
    expect(noteAbout(notes, 'hero-image').path).toEqual(['sections', 0, 'heroImage']);
  });

  it('turns section text into a text block, and the HTML of a markdown:false section into Markdown', () => {
    expect(sectionItems({ text: 'Plain *text*' })).toEqual([{ type: 'TextBlock', text: 'Plain _text_', wrap: true }]);
    const html = convert({
      summary: 's',
      sections: [
        {
          markdown: false,
          text: '<p>Hello,</p><p>Click <b>Download</b> on <a href="https://x.example/r">the page</a></p>',
        },
      ],
    });
    expect((html.card.body[0]!.items as AdaptiveObject[])[0]).toEqual({
      type: 'TextBlock',
      text: 'Hello,\n\nClick **Download** on [the page](https://x.example/r)',
      wrap: true,
    });
    expect(noteAbout(html.notes, 'html-to-markdown').path).toEqual(['sections', 0, 'text']);
  });

  it('turns facts into a fact set, names as titles, numbers as text', () => {
    expect(
      sectionItems({
        facts: [
          { name: 'CPU', value: 93.5 },
          { name: 'Host', value: 'web-1' },
        ],
      }),
    ).toEqual([
      {
        type: 'FactSet',
        facts: [
          { title: 'CPU', value: '93.5' },
          { title: 'Host', value: 'web-1' },
        ],
      },
    ]);
  });

  it('turns images into a medium image set', () => {
    expect(
      sectionItems({
        images: [{ image: 'https://example.com/1.png', title: 'One' }, { image: 'https://example.com/2.png' }],
      }),
    ).toEqual([
      {
        type: 'ImageSet',
        imageSize: 'Medium',
        images: [
          { type: 'Image', url: 'https://example.com/1.png', altText: 'One' },
          { type: 'Image', url: 'https://example.com/2.png' },
        ],
      },
    ]);
  });

  it('turns OpenUri into Action.OpenUrl to the default target (else the first) and reports dropped targets', () => {
    const { card, notes } = convert({
      text: 't',
      potentialAction: [
        {
          '@type': 'OpenUri',
          name: 'Open',
          targets: [
            { os: 'iOS', uri: 'https://m.example.com/7' },
            { os: 'default', uri: 'https://example.com/7' },
          ],
        },
        { '@type': 'OpenUri', name: 'First', targets: [{ os: 'android', uri: 'https://a.example.com' }] },
      ],
    });
    expect(card.actions).toEqual([
      { type: 'Action.OpenUrl', title: 'Open', url: 'https://example.com/7' },
      { type: 'Action.OpenUrl', title: 'First', url: 'https://a.example.com' },
    ]);
    expect(noteAbout(notes, 'open-uri-targets').message).toContain('iOS');
  });

  it('turns ViewAction into Action.OpenUrl to its first target', () => {
    const { card } = convert({
      text: 't',
      potentialAction: [
        { '@type': 'ViewAction', name: 'View', target: ['https://example.com/a', 'https://example.com/b'] },
      ],
    });
    expect(card.actions).toEqual([{ type: 'Action.OpenUrl', title: 'View', url: 'https://example.com/a' }]);
  });

  it('turns ActionCard into Action.ShowCard with its inputs and open-link actions, and warns the inputs go nowhere', () => {
    const { card, notes } = convert({
      text: 't',
      potentialAction: [
        {
          '@type': 'ActionCard',
          name: 'Comment',
          inputs: [{ '@type': 'TextInput', id: 'comment', title: 'Your comment' }],
          actions: [
            {
              '@type': 'HttpPOST',
              name: 'Save',
              target: 'https://api.example.com/c',
              body: '{"c":"{{comment.value}}"}',
            },
            { '@type': 'OpenUri', name: 'Help', targets: [{ os: 'default', uri: 'https://example.com/help' }] },
          ],
        },
      ],
    });
    expect(card.actions).toEqual([
      {
        type: 'Action.ShowCard',
        title: 'Comment',
        card: {
          type: 'AdaptiveCard',
          body: [{ type: 'Input.Text', id: 'comment', placeholder: 'Your comment' }],
          actions: [{ type: 'Action.OpenUrl', title: 'Help', url: 'https://example.com/help' }],
        },
      },
    ]);
    expect(noteAbout(notes, 'action-card-inputs')).toMatchObject({
      kind: 'lost',
      path: ['potentialAction', 0, 'inputs'],
    });
  });

  it('drops HttpPOST, which has no webhook equivalent, and names the button, its host and the input values it sent', () => {
    const { card, notes } = convert({
      text: 't',
      potentialAction: [
        {
          '@type': 'HttpPOST',
          name: 'Acknowledge',
          target: 'https://ops.example.com/ack',
          body: '{"who":"{{who.value}}"}',
        },
      ],
    });
    expect(card.actions).toBeUndefined();
    const note = noteAbout(notes, 'http-post');
    expect(note).toMatchObject({ kind: 'lost', path: ['potentialAction', 0] });
    expect(note.message).toContain('“Acknowledge”');
    expect(note.message).toContain('ops.example.com');
    expect(note.message).toContain('“who”');
  });

  it('puts section actions in an action set at the end of the section', () => {
    const items = sectionItems({
      text: 'Alert',
      potentialAction: [
        { '@type': 'OpenUri', name: 'Runbook', targets: [{ os: 'default', uri: 'https://example.com/rb' }] },
      ],
    });
    expect(items[items.length - 1]).toEqual({
      type: 'ActionSet',
      actions: [{ type: 'Action.OpenUrl', title: 'Runbook', url: 'https://example.com/rb' }],
    });
  });

  function showCardBody(
    inputs: unknown[],
    version?: AdaptiveVersion,
  ): { body: AdaptiveObject[]; notes: ConversionNote[] } {
    const { card, notes } = convert(
      { text: 't', potentialAction: [{ '@type': 'ActionCard', name: 'Form', inputs, actions: [] }] },
      version,
    );
    return { body: (card.actions![0]!.card as { body: AdaptiveObject[] }).body, notes };
  }

  it('turns TextInput into Input.Text with multiline, max length, title as placeholder, value, and required with a label from 1.3', () => {
    const input = {
      '@type': 'TextInput',
      id: 'c',
      title: 'Comment',
      isMultiline: 'true',
      maxLength: 500,
      value: 'x',
      isRequired: true,
    };
    expect(showCardBody([input]).body).toEqual([
      {
        type: 'Input.Text',
        id: 'c',
        placeholder: 'Comment',
        isRequired: true,
        label: 'Comment',
        errorMessage: 'Comment is required.',
        isMultiline: true,
        maxLength: 500,
        value: 'x',
      },
    ]);
    const old = showCardBody([input], '1.2');
    expect(old.body[0]).not.toHaveProperty('isRequired');
    expect(topics(old.notes)).toContain('input-required');
  });

  it('turns DateInput into Input.Date, adding an Input.Time when it includes the time', () => {
    const { body, notes } = showCardBody([
      { '@type': 'DateInput', id: 'due', title: 'Due', value: '2026-05-01T10:30:00Z', includeTime: true },
    ]);
    expect(body).toEqual([
      { type: 'Input.Date', id: 'due', placeholder: 'Due', value: '2026-05-01' },
      { type: 'Input.Time', id: 'due-time', placeholder: 'Due (time)', value: '10:30', spacing: 'Small' },
    ]);
    expect(noteAbout(notes, 'date-time-input').path).toEqual(['potentialAction', 0, 'inputs', 0, 'includeTime']);
  });

  it('turns MultichoiceInput into Input.ChoiceSet: display as title, multi-select, compact or expanded', () => {
    const choices = [
      { display: 'Yes', value: 'y' },
      { display: 'No', value: 'n' },
    ];
    const { body } = showCardBody([
      { '@type': 'MultichoiceInput', id: 'a', title: 'Pick', choices, isMultiSelect: 'false' },
      { '@type': 'MultichoiceInput', id: 'b', choices, isMultiSelect: true },
      { '@type': 'MultichoiceInput', id: 'c', choices, style: 'expanded' },
      { '@type': 'MultichoiceInput', id: 'd', choices, isMultiSelect: true, style: 'normal' },
    ]);
    expect(body[0]).toEqual({
      type: 'Input.ChoiceSet',
      id: 'a',
      placeholder: 'Pick',
      choices: [
        { title: 'Yes', value: 'y' },
        { title: 'No', value: 'n' },
      ],
      style: 'compact',
    });
    expect(body.slice(1).map((e) => [e.isMultiSelect ?? false, e.style])).toEqual([
      [true, 'expanded'],
      [false, 'expanded'],
      [true, 'compact'],
    ]);
  });

  it('explains that {{id.value}} placeholders lose their meaning: the HttpPOST that filled them is gone', () => {
    const { notes } = convert({
      text: 't',
      potentialAction: [
        {
          '@type': 'ActionCard',
          name: 'Reply',
          inputs: [{ '@type': 'TextInput', id: 'reply' }],
          actions: [{ '@type': 'HttpPOST', name: 'Send', target: 'https://x.example/r', body: 'text={{reply.value}}' }],
        },
      ],
    });
    expect(noteAbout(notes, 'http-post').message).toContain('“reply”');
    expect(noteAbout(notes, 'http-post').path).toEqual(['potentialAction', 0, 'actions', 0]);
  });

  it('converts Markdown Adaptive Cards lack: headings, images, quotes, strikethrough, and reports each', () => {
    const { card, notes } = convert({
      summary: 's',
      sections: [{ text: '# Big\n\nSome ~~old~~ **new** text\n\n![Duck](https://example.com/duck.png)\n\n> quoted' }],
    });
    expect(card.body[0]!.items).toEqual([
      { type: 'TextBlock', text: 'Big', wrap: true, weight: 'Bolder', size: 'Large' },
      { type: 'TextBlock', text: 'Some old **new** text', wrap: true },
      { type: 'Image', url: 'https://example.com/duck.png', altText: 'Duck' },
      { type: 'Container', style: 'emphasis', items: [{ type: 'TextBlock', text: 'quoted', wrap: true }] },
    ]);
    expect(topics(notes)).toEqual(
      expect.arrayContaining(['markdown-heading', 'markdown-strikethrough', 'markdown-image', 'markdown-blockquote']),
    );
    expect(
      notes.filter((n) => n.topic.startsWith('markdown-')).every((n) => describePath(n.path) === 'sections[0].text'),
    ).toBe(true);
  });
});

describe('what the converter reports', () => {
  it('names fields that Teams ignored and unknown fields as not carried', () => {
    const { notes } = convert({ text: 't', originator: 'abc', Sections: [], sections: [{ text: 'x', colour: 'red' }] });
    expect(notes.filter((n) => n.kind === 'unused').map((n) => describePath(n.path))).toEqual([
      'sections[0].colour',
      'originator',
      'Sections',
    ]);
  });

  it('reports display limits that change: more than ten sections, more than five images', () => {
    const sections = Array.from({ length: 12 }, (_, i) => ({ text: `s${i}` }));
    sections[0] = {
      text: 's0',
      images: Array.from({ length: 6 }, (_, i) => ({ image: `https://e.com/${i}.png` })),
    } as never;
    const { card, notes } = convert({ summary: 's', sections });
    expect(card.body).toHaveLength(12);
    expect(topics(notes)).toEqual(expect.arrayContaining(['section-limit', 'image-limit']));
  });

  it('reports a converted message over the 28 KB Workflows accepts', () => {
    const { notes } = convert({ text: 'x'.repeat(30 * 1024) });
    expect(noteAbout(notes, 'size-limit').kind).toBe('limit');
  });

  it('keeps only http(s) links and http(s) or data: images', () => {
    const { card, notes } = convert({
      text: '[click](javascript:alert(1)) and ![x](file:///etc/passwd)',
      sections: [
        { activityImage: 'javascript:alert(1)', activityTitle: 'A', images: [{ image: 'data:image/png;base64,AAAA' }] },
      ],
      potentialAction: [{ '@type': 'OpenUri', name: 'Bad', targets: [{ os: 'default', uri: 'javascript:alert(1)' }] }],
    });
    const json = JSON.stringify(card);
    expect(json).not.toContain('javascript:');
    expect(json).not.toContain('file:');
    expect(json).toContain('data:image/png;base64,AAAA');
    expect(topics(notes)).toEqual(expect.arrayContaining(['unsafe-image', 'open-uri-unsafe']));
  });

  it('gives inputs without an id, or with a repeated one, unique ids and says so', () => {
    const { body, notes } = (() => {
      const { card, notes } = convert({
        text: 't',
        potentialAction: [
          {
            '@type': 'ActionCard',
            name: 'F',
            inputs: [{ '@type': 'TextInput', id: 'a' }, { '@type': 'TextInput', id: 'a' }, { '@type': 'TextInput' }],
          },
        ],
      });
      return { body: (card.actions![0]!.card as { body: AdaptiveObject[] }).body, notes };
    })();
    expect(body.map((e) => e.id)).toEqual(['a', 'a-2', 'input1']);
    expect(notes.filter((n) => n.topic === 'input-id')).toHaveLength(2);
  });

  it('groups notes with what is lost first, and prints one line per note with its path', () => {
    const { notes } = convert({
      title: 'T',
      themeColor: 'FF0000',
      potentialAction: [{ '@type': 'HttpPOST', name: 'Go', target: 'https://e.com' }],
    });
    expect(groupNotes(notes).map((g) => g.kind)).toEqual(['lost', 'approximated']);
    const text = formatReport(notes, 'card.json');
    expect(text.split('\n')[0]).toMatch(/^card\.json: lost {2}potentialAction\[0\] {2}The button “Go”/);
    expect(text).toContain('card.json: 2 notes, 1 about something lost');
    expect(formatReport([])).toBe('converted with nothing lost or changed\n');
  });

  it('targets the version asked for, 1.4 by default', () => {
    expect(convert({ text: 't' }).card.version).toBe('1.4');
    expect(convert({ text: 't' }, '1.2').card.version).toBe('1.2');
  });

  it('never throws on loose values: nulls, numbers, arrays where objects belong', () => {
    const weird = {
      title: 42,
      text: null,
      sections: [null, 3, [], { facts: 'x', images: {}, potentialAction: [null, { '@type': 7 }] }],
      potentialAction: { '@type': 'OpenUri' },
    };
    const { card } = convert(weird as Record<string, unknown>);
    expect(card.body[0]).toMatchObject({ text: '42' });
  });

  it('wraps the card in the Workflows message envelope', () => {
    const { card } = convert({ text: 'Hi' });
    const envelope = workflowsEnvelope(card);
    expect(envelope.type).toBe('message');
    expect(envelope.attachments[0]).toEqual({
      contentType: 'application/vnd.microsoft.card.adaptive',
      contentUrl: null,
      content: card,
    });
  });
});
