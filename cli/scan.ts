import type { Command } from './command.ts';

export const scanCommand: Command = {
  summary: 'find webhook URLs and MessageCards in files and folders',
  help: 'Usage: messagecard scan [--json] [--write DIR] PATH...\n',
  run: async () => 0,
};
