/**
 * What every command shares: the injected world (`CliIo`), exit statuses and usage errors.
 * Kept apart from `main.ts` so commands do not import the table that imports them.
 */

/** Everything the command line touches outside itself. */
export interface CliIo {
  /** Writes to standard output (text already ends in a newline where one is wanted). */
  stdout(text: string): void;
  /** Writes to standard error. */
  stderr(text: string): void;
  /** Reads a file as UTF-8 text; rejects with a Node-style error (`code` such as `ENOENT`). */
  readFile(path: string): Promise<string>;
  /** Reads all of standard input as UTF-8 text (for the file name `-`). */
  readStdin(): Promise<string>;
}

/** Exit statuses, shared by all commands. */
export const EXIT = {
  /** Done; there may be warnings and hints. */
  ok: 0,
  /** Some card has an error. */
  failed: 1,
  /** The command line was wrong, or an input could not be read. */
  usage: 2,
} as const;

/** One entry of the command table. */
export interface Command {
  /** One line for the command list in `messagecard --help`. */
  summary: string;
  /** The full help text of the command, ending in a newline. */
  help: string;
  /** Runs the command with the arguments after its name; resolves to the exit status. */
  run(args: readonly string[], io: CliIo): Promise<number>;
}

/** The program name used in messages. */
export const PROGRAM = 'messagecard';

/**
 * Reports a usage error the way every command does (the problem, then where to find help) and
 * returns status 2.
 */
export function usageError(message: string, io: CliIo, command?: string): number {
  const help = command ? `${PROGRAM} help ${command}` : `${PROGRAM} --help`;
  io.stderr(`${PROGRAM}: ${message}\nRun '${help}' for usage.\n`);
  return EXIT.usage;
}
