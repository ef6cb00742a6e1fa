// Monaco's internal files that `monacoLayers.ts` imports for their chunks alone, and that the stand-ins of
// `monacoStandIns/` build on; they ship without types.
declare module 'monaco-editor/base/common/strings';
declare module 'monaco-editor/base/browser/ui/scrollbar/scrollableElement';
declare module 'monaco-editor/platform/instantiation/common/instantiationService';
declare module 'monaco-editor/editor/common/model/textModel';
declare module 'monaco-editor/editor/browser/widget/codeEditor/codeEditorWidget';
declare module 'monaco-editor/editor/standalone/browser/standaloneServices';
declare module 'monaco-editor/base/browser/fastDomNode';
declare module 'monaco-editor/editor/browser/view/viewPart';
declare module 'monaco-editor/platform/instantiation/common/instantiation';
