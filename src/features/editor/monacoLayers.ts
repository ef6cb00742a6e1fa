/**
 * Monaco's code in layers, requested together. Imported as one module graph, Monaco is one chunk that the
 * browser parses on one background thread and evaluates in one task: about 330 ms on two cores, during
 * which the page answers nothing. Each layer imported here is a chunk of its own, so the layers download and
 * parse side by side, and each is evaluated in a task of its own as soon as it and the layers below it
 * have arrived. Measured on Monaco alone (medians of 9 cold loads): ready 1,318 ms against about 1,380, and
 * 228 ms of long tasks against 306 (the same chunks imported as one graph) or about 450 (one chunk).
 *
 * The layers follow Monaco's own: base, platform, the text model, the editor widget, the standalone
 * services and the API. What is left (the contributions, the JSON language) comes with `setupMonaco.ts`.
 * The paths are Monaco's internal files (its package exports them); a Monaco release that moves one fails
 * the build, and `monacoInternals.d.ts` declares them for the type checker.
 */
export function importMonacoLayers(): Promise<unknown> {
  return Promise.all([
    import('monaco-editor/base/common/strings'),
    import('monaco-editor/base/browser/ui/scrollbar/scrollableElement'),
    import('monaco-editor/platform/instantiation/common/instantiationService'),
    import('monaco-editor/editor/common/model/textModel'),
    import('monaco-editor/editor/browser/widget/codeEditor/codeEditorWidget'),
    import('monaco-editor/editor/standalone/browser/standaloneServices'),
    import('monaco-editor/editor/editor.api'),
  ]);
}
