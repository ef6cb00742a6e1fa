/**
 * Code snippets that post the current card to a Teams incoming webhook: curl (bash), PowerShell,
 * Python (`requests`), Node (`fetch`) and C# (`HttpClient`).
 *
 * Every snippet embeds the card so that it can be read and edited, sends it as UTF-8 with
 * `Content-Type: application/json; charset=utf-8`, and checks Teams' answer the way the reference
 * (section 7) says it must be checked: Teams wraps most rejections (too large, throttled, invalid
 * card) in an HTTP 200 with an error text, so only status 200 *and* the body `1` mean success.
 *
 * The card is embedded in each language's most literal string form (a quoted heredoc, a
 * single-quoted here-string, a raw triple-quoted string, a verbatim string, an object literal), so
 * quotes, backslashes, newlines, `$`, backticks and emoji need no escaping that could go wrong.
 * The webhook URL is a credential: unless the caller passes the real one, snippets carry a
 * placeholder on a reserved `.invalid` host that can never receive anything.
 */

/** The languages snippets are written in. */
export type SnippetLanguage = 'curl' | 'powershell' | 'python' | 'node' | 'csharp';

/** What the snippets dialog shows about each language. */
export interface SnippetLanguageInfo {
  id: SnippetLanguage;
  label: string;
  /** A file name to save the snippet as. */
  fileName: string;
  /** How to run it, in one line. */
  run: string;
}

export const SNIPPET_LANGUAGES: readonly SnippetLanguageInfo[] = [
  { id: 'curl', label: 'curl', fileName: 'send-card.sh', run: 'bash send-card.sh' },
  {
    id: 'powershell',
    label: 'PowerShell',
    fileName: 'Send-Card.ps1',
    run: 'pwsh ./Send-Card.ps1 (or Windows PowerShell 5.1)',
  },
  { id: 'python', label: 'Python', fileName: 'send_card.py', run: 'pip install requests, then python3 send_card.py' },
  { id: 'node', label: 'Node.js', fileName: 'send-card.mjs', run: 'node send-card.mjs (Node 18 or later)' },
  {
    id: 'csharp',
    label: 'C#',
    fileName: 'Program.cs',
    run: 'dotnet new console, replace Program.cs, dotnet run (.NET 6 or later)',
  },
];

/** Stands in for the webhook URL: the `.invalid` top-level domain never resolves (RFC 2606). */
export const WEBHOOK_PLACEHOLDER = 'https://paste-your-webhook-url-here.invalid/';

export interface SnippetOptions {
  /** The real webhook URL, only when the user asked for it; otherwise {@link WEBHOOK_PLACEHOLDER}. */
  webhookUrl?: string | undefined;
  /** Embed the card on one line (fewer bytes) instead of indented. */
  compact?: boolean;
}

export type SnippetResult = { ok: true; code: string } | { ok: false; message: string };

const CHECK_COMMENT = [
  'Posts the card to a Microsoft Teams webhook.',
  'A Workflows webhook answers HTTP 202 when the flow accepted the request: that is not delivery;',
  "whether the card reached the channel shows only in the flow's run history. A retired connector",
  'webhook answered HTTP 200 with the body "1". Anything else, including an HTTP 200 whose body is',
  'an error text (too large, throttled, invalid card), means the card was not accepted.',
];

/**
 * A snippet that posts the card in `cardText` to the webhook. Fails only when the text is not a
 * JSON object, since a snippet of a broken card would post garbage.
 */
export function cardSnippet(language: SnippetLanguage, cardText: string, options: SnippetOptions = {}): SnippetResult {
  let value: unknown;
  try {
    value = JSON.parse(cardText);
  } catch {
    return { ok: false, message: 'Fix the JSON errors first: a snippet posts the card as it parses.' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, message: 'The text is not a card: a MessageCard is a JSON object.' };
  }
  const url = options.webhookUrl?.trim() || WEBHOOK_PLACEHOLDER;
  const indent = options.compact ? undefined : 2;
  switch (language) {
    case 'curl':
      return { ok: true, code: curlSnippet(JSON.stringify(value, null, indent), url) };
    case 'powershell':
      return { ok: true, code: powershellSnippet(asciiJson(JSON.stringify(value, null, indent)), url) };
    case 'python':
      return { ok: true, code: pythonSnippet(JSON.stringify(value, null, indent), url) };
    case 'node':
      return { ok: true, code: nodeSnippet(jsLiteral(value, options.compact ? '' : '  ', ''), url) };
    case 'csharp':
      return { ok: true, code: csharpSnippet(JSON.stringify(value, null, indent), url) };
  }
}

function comment(prefix: string): string {
  return CHECK_COMMENT.map((line) => `${prefix} ${line}`).join('\n');
}

// --- curl (bash) -------------------------------------------------------------------------------

function shellSingleQuoted(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

function curlSnippet(json: string, url: string): string {
  // A quoted heredoc delimiter turns off every expansion, so the JSON goes out byte for byte. JSON
  // never has a line of its own reading CARD_JSON (its lines start with a bracket, a quote or a space).
  return `#!/usr/bin/env bash
${comment('#')}
webhook_url=${shellSingleQuoted(url)}

response=$(curl --silent --show-error --max-time 30 \\
  --request POST \\
  --header 'Content-Type: application/json; charset=utf-8' \\
  --data-binary @- \\
  --write-out '\\n%{http_code}' \\
  "$webhook_url" <<'CARD_JSON'
${json}
CARD_JSON
) || { echo "Could not reach the webhook." >&2; exit 1; }

status=\${response##*$'\\n'}
body=\${response%$'\\n'*}
if [ "$status" = "202" ]; then
  echo "Workflows accepted the card; the flow's run history shows whether it was posted."
elif [ "$status" = "200" ] && [[ "$body" =~ ^[[:space:]]*1[[:space:]]*$ ]]; then
  echo "Teams accepted the card."
else
  echo "Teams did not accept the card (HTTP $status): $body" >&2
  exit 1
fi
`;
}

// --- PowerShell --------------------------------------------------------------------------------

/**
 * The JSON with every non-ASCII character written as a `\uXXXX` escape: the same card, but a
 * script that survives any file encoding (Windows PowerShell 5.1 reads a script saved without a
 * byte order mark as ANSI, which garbles emoji in a literal).
 */
function asciiJson(json: string): string {
  return json.replace(/[^\x20-\x7e\r\n]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function powershellSnippet(json: string, url: string): string {
  // A single-quoted here-string is taken literally; it ends only at a line starting with '@,
  // which JSON never has.
  return `${comment('#')}
# Characters outside ASCII are written as \\u escapes: the card is the same, and the script
# survives Windows PowerShell 5.1, which reads files without a byte order mark as ANSI.
$webhookUrl = '${url.replace(/'/g, "''")}'
$card = @'
${json}
'@

# Send UTF-8 bytes: given a string, Windows PowerShell would encode the body as ISO-8859-1.
$body = [System.Text.Encoding]::UTF8.GetBytes($card)
try {
  $response = Invoke-WebRequest -Uri $webhookUrl -Method Post -UseBasicParsing \`
    -ContentType 'application/json; charset=utf-8' -Body $body
} catch {
  throw "Teams did not accept the card: $($_.Exception.Message)"
}
$answer = "$($response.Content)".Trim()
if ($response.StatusCode -eq 202) {
  Write-Output "Workflows accepted the card; the flow's run history shows whether it was posted."
} elseif ($response.StatusCode -eq 200 -and $answer -eq '1') {
  Write-Output 'Teams accepted the card.'
} else {
  throw "Teams did not accept the card (HTTP $($response.StatusCode)): $answer"
}
`;
}

// --- Python ------------------------------------------------------------------------------------

function pythonSnippet(json: string, url: string): string {
  // In a raw string backslashes stay as they are. JSON text cannot hold three quotes in a row (a
  // quote inside a string is escaped, and strings are separated by punctuation) and ends with a
  // bracket, so the raw triple-quoted string always ends where it should.
  return `${comment('#')}
import sys

import requests

WEBHOOK_URL = ${JSON.stringify(url)}
CARD = r"""
${json}
"""

response = requests.post(
    WEBHOOK_URL,
    data=CARD.encode("utf-8"),
    headers={"Content-Type": "application/json; charset=utf-8"},
    timeout=30,
)
if response.status_code == 202:
    print("Workflows accepted the card; the flow's run history shows whether it was posted.")
elif response.status_code == 200 and response.text.strip() == "1":
    print("Teams accepted the card.")
else:
    sys.exit(f"Teams did not accept the card (HTTP {response.status_code}): {response.text}")
`;
}

// --- Node --------------------------------------------------------------------------------------

/**
 * The value as a JavaScript object literal. JSON is valid JavaScript except for one key: in a
 * literal, `"__proto__": x` sets the prototype instead of adding a property, so it is written as
 * the computed key `["__proto__"]`, which does add the property.
 */
function jsLiteral(value: unknown, unit: string, indent: string): string {
  const inner = indent + unit;
  const nl = unit ? '\n' : '';
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[${nl}${value.map((v) => inner + jsLiteral(v ?? null, unit, inner)).join(`,${nl}`)}${nl}${indent}]`;
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value);
    if (entries.length === 0) return '{}';
    const body = entries.map(([k, v]) => {
      const key = k === '__proto__' ? `[${JSON.stringify(k)}]` : JSON.stringify(k);
      return `${inner}${key}:${unit ? ' ' : ''}${jsLiteral(v, unit, inner)}`;
    });
    return `{${nl}${body.join(`,${nl}`)}${nl}${indent}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

function nodeSnippet(literal: string, url: string): string {
  return `${comment('//')}
const webhookUrl = ${JSON.stringify(url)};
const card = ${literal};

async function main() {
  const response = await fetch(webhookUrl, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
    body: JSON.stringify(card),
  });
  const answer = (await response.text()).trim();
  if (response.status === 202) {
    console.log("Workflows accepted the card; the flow's run history shows whether it was posted.");
  } else if (response.status === 200 && answer === '1') {
    console.log('Teams accepted the card.');
  } else {
    console.error(\`Teams did not accept the card (HTTP \${response.status}): \${answer}\`);
    process.exitCode = 1;
  }
}

main().catch((error) => {
  console.error(\`Could not reach the webhook: \${error.message}\`);
  process.exitCode = 1;
});
`;
}

// --- C# ----------------------------------------------------------------------------------------

function csharpVerbatim(text: string): string {
  return `@"${text.replace(/"/g, '""')}"`;
}

function csharpSnippet(json: string, url: string): string {
  return `${comment('//')}
using System.Net;
using System.Text;

const string webhookUrl = ${csharpVerbatim(url)};
const string card = ${csharpVerbatim(json)};

using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
using var content = new StringContent(card, Encoding.UTF8, "application/json");
using var response = await client.PostAsync(webhookUrl, content);
var answer = (await response.Content.ReadAsStringAsync()).Trim();
if (response.StatusCode == HttpStatusCode.Accepted)
{
    Console.WriteLine("Workflows accepted the card; the flow's run history shows whether it was posted.");
}
else if (response.StatusCode == HttpStatusCode.OK && answer == "1")
{
    Console.WriteLine("Teams accepted the card.");
}
else
{
    Console.Error.WriteLine($"Teams did not accept the card (HTTP {(int)response.StatusCode}): {answer}");
    Environment.Exit(1);
}
`;
}
