import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { importCardText, type ImportResult } from './importSnippet.ts';
import { cardSnippet, type SnippetLanguage } from '../snippets.ts';

const CARD = {
  '@type': 'MessageCard',
  summary: `It's "done" \\ ok`,
  text: 'Line 1\nLine 2 ünï 😀 $HOME `x` {{a.value}} \'\'\' """ \\"',
  flags: [true, false, null, 1.5],
};
const CARD_TEXT = JSON.stringify(CARD);

function card(result: ImportResult): unknown {
  if (!result.ok) throw new Error(result.message);
  return JSON.parse(result.text);
}

function message(result: ImportResult): string {
  if (result.ok) throw new Error(`expected a failure, got ${result.text}`);
  return result.message;
}

const CORPUS = new URL('../../../fixtures/corpus/', import.meta.url);
const corpus = readdirSync(CORPUS)
  .filter((f) => f.endsWith('.json'))
  .map((f) => [f, readFileSync(new URL(f, CORPUS), 'utf8')] as const)
  .filter(([, t]) => {
    try {
      JSON.parse(t);
      return true;
    } catch {
      return false;
    }
  });

describe('importing pasted JSON', () => {
  it('takes card JSON as it is, keeping its layout', () => {
    const text = '{\n    "text": "hi"\n}\n';
    expect(importCardText(text)).toEqual({ ok: true, text, source: 'json' });
  });

  it('takes broken JSON too, with a warning to fix it in the editor', () => {
    const result = importCardText('{"text": "hi",}');
    expect(result.ok && result.warning).toMatch(/JSON errors .* line 1/);
  });

  it('refuses an array, empty text and prose with a message that says what to paste', () => {
    expect(message(importCardText('[{"text":"x"}]'))).toMatch(/array/);
    expect(message(importCardText('  \n'))).toMatch(/empty/);
    expect(message(importCardText('hello there'))).toMatch(/curl, PowerShell .* Python/);
  });
});

describe('importing the snippets this designer writes', () => {
  for (const language of ['curl', 'powershell', 'python'] as SnippetLanguage[]) {
    it.each(corpus.map(([f, t]) => [f, t] as const).concat([['a card with quoting hazards', CARD_TEXT]]))(
      `gives back the card of a ${language} snippet for %s`,
      (_f, text) => {
        const snippet = cardSnippet(language, text);
        if (!snippet.ok) throw new Error(snippet.message);
        const result = importCardText(snippet.code);
        expect(result.ok && result.source).toBe(language);
        expect(card(result)).toEqual(JSON.parse(text));
      },
    );
  }
});

describe('importing curl commands', () => {
  it('reads a single-quoted body with the bash quote escape', () => {
    const text = `curl -X POST -H 'Content-Type: application/json' \\\n  -d '{"text": "It'\\''s done"}' https://example.com/hook`;
    expect(card(importCardText(text))).toEqual({ text: "It's done" });
  });

  it('reads a Windows double-quoted body with escaped quotes and ^ continuations', () => {
    const text =
      'curl.exe -H "Content-Type: application/json" ^\r\n -d "{\\"text\\": \\"Hello world\\"}" https://example.com/hook';
    expect(card(importCardText(text))).toEqual({ text: 'Hello world' });
  });

  it("reads --data-raw=, --json and $'…' bodies", () => {
    expect(card(importCardText(`curl --data-raw='{"text":"a"}' https://x.example.com`))).toEqual({ text: 'a' });
    expect(card(importCardText(`curl --json '{"text":"b"}' https://x.example.com`))).toEqual({ text: 'b' });
    expect(card(importCardText(`curl -d $'{"text":"c\\\\nd \\u00e9"}' https://x.example.com`))).toEqual({
      text: 'c\nd é',
    });
  });

  it('reads a heredoc fed to --data-binary @-', () => {
    const text = `curl -H 'Content-Type: application/json' --data-binary @- https://x.example.com <<EOF\n{"text": "from a heredoc"}\nEOF\necho done`;
    expect(card(importCardText(text))).toEqual({ text: 'from a heredoc' });
  });

  it('says why when the body is in a file, is a form or is missing', () => {
    expect(message(importCardText('curl -d @card.json https://x.example.com'))).toMatch(/file card\.json/);
    expect(message(importCardText('curl -F file=@a.txt https://x.example.com'))).toMatch(/form/);
    expect(message(importCardText('curl https://x.example.com'))).toMatch(/no body/);
    expect(message(importCardText(`curl -d 'text=hello' https://x.example.com`))).toMatch(/not a JSON object/);
    expect(message(importCardText(`curl -d '{"text": "x}`))).toMatch(/never closed/);
  });
});

describe('importing PowerShell commands', () => {
  it('reads a -Body string literal of Invoke-RestMethod', () => {
    const text = `Invoke-RestMethod -Uri $url -Method Post -ContentType 'application/json' -Body '{"text":"It''s here"}'`;
    expect(card(importCardText(text))).toEqual({ text: "It's here" });
  });

  it('reads a double-quoted here-string held in a variable, with backtick escapes', () => {
    const text =
      '$json = @"\n{"text": "costs `$5"}\n"@\n\nInvoke-WebRequest -Uri $webhook -Method Post -Body $json -ContentType "application/json"';
    expect(card(importCardText(text))).toEqual({ text: 'costs $5' });
  });

  it('follows a body converted to bytes back to its text', () => {
    const text = `$card = '{"text":"x"}'\n$bytes = [System.Text.Encoding]::UTF8.GetBytes($card)\niwr -Uri $u -Method Post -Body $bytes`;
    expect(card(importCardText(text))).toEqual({ text: 'x' });
  });

  it('reads a splatted Body', () => {
    const text = `$params = @{\n  Uri = $u\n  Method = 'Post'\n  Body = '{"text":"splat"}'\n}\nInvoke-RestMethod @params`;
    expect(card(importCardText(text))).toEqual({ text: 'splat' });
  });

  it('explains that a hashtable body cannot be read, and a missing body', () => {
    const hashtable = `$body = @{ text = "hi" } | ConvertTo-Json\nInvoke-RestMethod -Uri $u -Method Post -Body $body`;
    expect(message(importCardText(hashtable))).toMatch(/hashtable/);
    expect(message(importCardText('Invoke-RestMethod -Uri $u -Method Post'))).toMatch(/no -Body/);
    expect(message(importCardText('Invoke-RestMethod -Uri $u -Body $nothing'))).toMatch(/never sets it/);
  });
});

describe('importing Python requests calls', () => {
  it('reads a json= dict literal with Python spellings, comments and trailing commas', () => {
    const text = `import requests\nrequests.post(\n    URL,\n    json={\n        "text": 'It\\'s "ok"',  # comment\n        "flag": True, "none": None, "n": 1_000,\n        "s": "a" "b",\n    },\n    timeout=10,\n)`;
    expect(card(importCardText(text))).toEqual({ text: `It's "ok"`, flag: true, none: null, n: 1000, s: 'ab' });
  });

  it('follows data=json.dumps(payload) to the payload', () => {
    const text = `payload = {\n  "text": "caf\\u00e9 \\U0001F600"\n}\nr = requests.post(url, data=json.dumps(payload), headers=h)`;
    expect(card(importCardText(text))).toEqual({ text: 'café 😀' });
  });

  it('reads a data= string literal', () => {
    expect(card(importCardText(`requests.post(u, data='{"text": "plain"}')`))).toEqual({ text: 'plain' });
  });

  it('says why when the body is computed or missing', () => {
    expect(message(importCardText('requests.post(u, json=build_card())'))).toMatch(/computed/);
    expect(message(importCardText('requests.post(u, data=f"{x}")'))).toMatch(/f-string/);
    expect(message(importCardText('requests.post(u, timeout=3)'))).toMatch(/no json= or data=/);
  });
});
