/** What a stand-in throws if the part of Monaco it replaces is ever used after all. */
export function notIncluded(part: string): never {
  throw new Error(`${part} is not part of this build of Monaco (see MONACO_STAND_INS in vite.config.ts).`);
}
