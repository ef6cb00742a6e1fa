/**
 * Entry of the built command line (`dist-cli/messagecard.js`, run by `bin/messagecard.js`):
 * wires `run` to the real process. All behaviour is in `main.ts`, where tests reach it.
 */
import { readFile } from 'node:fs/promises';
import { run } from './main.ts';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

// `messagecard validate … | head` closes the pipe early; that is not a failure worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await run(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readFile: (path) => readFile(path, 'utf8'),
  readStdin,
  env: process.env,
});
