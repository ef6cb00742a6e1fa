/**
 * What every command shares: the injected world (`CliIo`), exit statuses and usage errors.
 * Kept apart from `main.ts` so commands do not import the table that imports them.
 */
import { parseArgs as parseNodeArgs } from 'node:util';

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
  /**
   * The environment variables a command may read (`send` reads `TEAMS_WEBHOOK_URL`). Absent means
   * none, so a test sees only what it passes.
   */
  env?: Readonly<Record<string, string | undefined>>;
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

/** What a command accepts besides FILE arguments. */
export interface ArgSpec {
  command: string;
  help: string;
  /** Options without a value, such as `--json`. */
  flags?: readonly string[];
  /** Options with a value (`--name value` or `--name=value`), each with what to say when it is missing. */
  values?: Readonly<Record<string, string>>;
  /**
   * Options that may be given several times (`--mention A=1 --mention B=2`), each with the end of
   * the sentence "`--name` needs …" said when one has no value.
   */
  lists?: Readonly<Record<string, string>>;
}

export interface ParsedArgs {
  flags: Set<string>;
  /** The value of each option of `values`; the last one given wins. */
  values: Map<string, string>;
  /** Every value of each option of `lists`, in order. */
  lists: Map<string, string[]>;
  /** FILE arguments in order; `-` is standard input, and everything after `--` is a file. */
  files: string[];
}

/**
 * Parses a command's arguments the same way for every command, with Node's `util.parseArgs`
 * (its tokens, so each message can quote the argument as typed). Returns an exit status instead
 * when the arguments asked for help (0) or were wrong (2, after saying why).
 */
export function parseArgs(args: readonly string[], spec: ArgSpec, io: CliIo): ParsedArgs | number {
  const options: Record<string, { type: 'boolean' | 'string'; short?: string; multiple?: boolean }> = {
    help: { type: 'boolean', short: 'h' },
  };
  for (const flag of spec.flags ?? []) options[flag.slice(2)] = { type: 'boolean' };
  for (const name of Object.keys(spec.values ?? {})) options[name.slice(2)] = { type: 'string' };
  for (const name of Object.keys(spec.lists ?? {})) options[name.slice(2)] = { type: 'string', multiple: true };
  const { tokens } = parseNodeArgs({ args: [...args], options, strict: false, allowPositionals: true, tokens: true });

  const parsed: ParsedArgs = { flags: new Set(), values: new Map(), lists: new Map(), files: [] };
  for (const token of tokens) {
    if (token.kind === 'positional') {
      parsed.files.push(token.value);
      continue;
    }
    if (token.kind !== 'option') continue; // `--`: what follows comes as positionals
    const arg = args[token.index]!;
    const name = `--${token.name}`;
    const option = Object.hasOwn(options, token.name) ? options[token.name] : undefined;
    // Short options are only `-h`; `-hx` or `--json=x` are not options we know, as typed.
    const asTyped =
      option?.type === 'boolean' ? !token.inlineValue && (arg === name || arg === '-h') : arg.startsWith('--');
    if (!option || !asTyped || (token.name === 'help' && arg !== '--help' && arg !== '-h')) {
      return usageError(`unknown option '${arg}' for ${spec.command}`, io, spec.command);
    }
    if (token.name === 'help') {
      io.stdout(spec.help);
      return EXIT.ok;
    }
    if (option.type === 'boolean') {
      parsed.flags.add(name);
    } else if (token.value === undefined) {
      const list = spec.lists?.[name];
      return usageError(
        list ? `${name} needs ${list}` : `${name} needs a value: ${spec.values?.[name]}`,
        io,
        spec.command,
      );
    } else if (option.multiple) {
      parsed.lists.set(name, [...(parsed.lists.get(name) ?? []), token.value]);
    } else {
      parsed.values.set(name, token.value);
    }
  }
  return parsed;
}

const READ_ERRORS: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'it is a directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
};

/**
 * Reads a FILE argument (`-` is standard input) as the card's text, without the byte order mark
 * Windows editors and PowerShell 5 write. When it cannot be read, says why on standard error and
 * gives `text: undefined`.
 */
export async function readCardFile(file: string, io: CliIo): Promise<{ name: string; text: string | undefined }> {
  const name = file === '-' ? '<stdin>' : file;
  try {
    const text = file === '-' ? await io.readStdin() : await io.readFile(file);
    return { name, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    const why =
      typeof code === 'string' && READ_ERRORS[code]
        ? READ_ERRORS[code]
        : error instanceof Error
          ? error.message
          : String(error);
    io.stderr(`${PROGRAM}: cannot read ${name}: ${why}\n`);
    return { name, text: undefined };
  }
}

/** Messages are sentences; a stray line break would break the one-line-per-issue format. */
export function oneLine(message: string): string {
  return message.replace(/\s*[\r\n]+\s*/g, ' ');
}
