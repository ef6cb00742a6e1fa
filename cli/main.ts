/**
 * The `messagecard` command line, as a function of its arguments and an injected world
 * (`CliIo`), so tests run it without spawning processes. `messagecard.ts` calls it with the real
 * process; it holds no logic of its own.
 *
 * Commands live in one table.
 */
import { version } from '../package.json';
import { EXIT, PROGRAM, usageError, type CliIo, type Command } from './command.ts';
import { validateCommand } from './validate.ts';
import { convertCommand } from './convert.ts';
import { scanCommand } from './scan.ts';
import { sendCommand } from './send.ts';

export { EXIT, type CliIo, type Command } from './command.ts';

/** The command table. */
export const COMMANDS: Readonly<Record<string, Command>> = {
  validate: validateCommand,
  convert: convertCommand,
  send: sendCommand,
  scan: scanCommand,
};

function usage(): string {
  const names = Object.keys(COMMANDS);
  const width = Math.max(...names.map((n) => n.length));
  const list = names.map((name) => `  ${name.padEnd(width)}   ${COMMANDS[name]!.summary}`).join('\n');
  return `${PROGRAM} ${version}: check Office 365 Connector cards (MessageCard JSON) for Microsoft Teams and move them to Workflows

Usage:
  ${PROGRAM} validate [--json] [--host teams|workflows|outlook] FILE...
  ${PROGRAM} convert --to adaptive [--version 1.4] [--envelope] [--no-full-width] [--mention NAME=ID]... FILE
  ${PROGRAM} send [--format messagecard|adaptive] [--url URL] FILE|-
  ${PROGRAM} scan [--json] [--write DIR] PATH...
  ${PROGRAM} help [COMMAND]
  ${PROGRAM} --version

Commands:
${list}

Run '${PROGRAM} help COMMAND' for the options of a command.
`;
}

/**
 * Runs the command line with `argv` (the arguments after the program name) and returns the exit
 * status: 0 when no card has an error, 1 when one has, 2 for a usage error or an unreadable file.
 * Never throws for bad input; an unexpected failure is reported on stderr with status 2.
 */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    io.stderr(usage());
    return EXIT.usage;
  }
  if (first === '--help' || first === '-h') {
    io.stdout(usage());
    return EXIT.ok;
  }
  if (first === 'help') {
    const topic = rest[0];
    if (topic === undefined) {
      io.stdout(usage());
      return EXIT.ok;
    }
    const command = lookup(topic);
    if (!command) return unknownCommand(topic, io);
    io.stdout(command.help);
    return EXIT.ok;
  }
  if (first === '--version' || first === '-V') {
    io.stdout(`${version}\n`);
    return EXIT.ok;
  }
  if (first.startsWith('-')) return usageError(`unknown option '${first}'`, io);
  const command = lookup(first);
  if (!command) return unknownCommand(first, io);
  try {
    return await command.run(rest, io);
  } catch (error) {
    io.stderr(`${PROGRAM}: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT.usage;
  }
}

function lookup(name: string): Command | undefined {
  return Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
}

function unknownCommand(name: string, io: CliIo): number {
  return usageError(`unknown command '${name}' (commands: ${Object.keys(COMMANDS).join(', ')})`, io);
}
