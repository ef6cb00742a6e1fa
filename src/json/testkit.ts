/** A card text with one element of every kind, for the tests of locating paths and elements. */
import { parseText } from './parse.ts';

export const card = `{
  "@type": "MessageCard",
  "summary": "Build",
  "sections": [
    { "title": "First" },
    {
      "activityTitle": "Second",
      "heroImage": { "image": "https://x/hero.png" },
      "facts": [
        { "name": "A", "value": "1" },
        { "name": "B", "value": "2" },
        { "name": "C", "value": "3" }
      ],
      "images": [{ "image": "https://x/1.png" }],
      "potentialAction": [{ "@type": "OpenUri", "name": "Open", "targets": [{ "os": "default", "uri": "https://x" }] }]
    }
  ],
  "potentialAction": [
    {
      "@type": "ActionCard",
      "name": "Comment",
      "inputs": [
        { "@type": "MultichoiceInput", "id": "c", "choices": [{ "display": "Yes", "value": "y" }] }
      ],
      "actions": [
        { "@type": "HttpPOST", "name": "Send", "target": "https://x", "headers": [{ "name": "H", "value": "v" }] }
      ]
    }
  ]
}`;
export const parsed = parseText(card);

/** The offset of the n-th occurrence (0-based) of `needle` in the card. */
export function at(needle: string, n = 0): number {
  let offset = -1;
  for (let i = 0; i <= n; i++) offset = card.indexOf(needle, offset + 1);
  if (offset < 0) throw new Error(`not found: ${needle}`);
  return offset;
}
