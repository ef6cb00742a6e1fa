/**
 * Stand-ins for Monaco's diff editors (`monaco.editor.createDiffEditor`, `createMultiFileDiffEditor`),
 * which the standalone API imports for those two functions. The designer has no diff editor.
 */
function notIncluded(): never {
  throw new Error('The diff editor is not part of this build of Monaco (see vite.config.ts).');
}

export class DiffEditorWidget {
  constructor() {
    notIncluded();
  }
}

export class MultiDiffEditorWidget {
  constructor() {
    notIncluded();
  }
}
