/**
 * Stand-ins for Monaco's diff editors (`monaco.editor.createDiffEditor`, `createMultiFileDiffEditor`),
 * which the standalone API imports for those two functions. The designer has no diff editor.
 */
import { notIncluded } from './notIncluded.ts';

export class DiffEditorWidget {
  constructor() {
    notIncluded('The diff editor');
  }
}

export class MultiDiffEditorWidget {
  constructor() {
    notIncluded('The diff editor');
  }
}
