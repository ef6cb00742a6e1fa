/**
 * Stand-ins for editor contributions the JSON panes do not register (`setupMonaco.ts`) but which the
 * ones they do register import: the hover asks whether a definition, a code action, a colour decorator,
 * an inlay hint or an inline suggestion is involved, and the clipboard commands ask the paste controller
 * to finish. None of those contributions exists on the panes' editors, so the real answers are the same
 * as these: no controller (`get` returns null), never on a colour decorator, no instance of those hovers.
 */
export class GotoDefinitionAtPositionEditorContribution {
  static get(): null {
    return null;
  }
}

export class CodeActionController {
  static get(): null {
    return null;
  }
}

export class CopyPasteController {
  static get(): null {
    return null;
  }
}

export function isOnColorDecorator(): boolean {
  return false;
}

export class ColorHover {}

export class HoverColorPickerParticipant {}

export class InlayHintsHover {}

export class InlineSuggestionHintsContentWidget {
  static readonly dropDownVisible = false;
}
