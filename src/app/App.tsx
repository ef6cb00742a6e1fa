import { useEffect } from 'react';
import { FluentProvider, Tab, TabList, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { DesignerToolbar } from './DesignerToolbar.tsx';
import { useGlobalShortcuts } from './useGlobalShortcuts.ts';
import { useMediaQuery } from './useMediaQuery.ts';
import { EditorPane } from '../features/editor/EditorPane.tsx';
import { PreviewPane } from '../features/preview/PreviewPane.tsx';
import { SplitPane } from '../ui/SplitPane.tsx';
import { designerStore, useDesigner } from '../store/hooks.ts';
import { startAutosave } from '../store/autosave.ts';
import './app.css';

/** Below this width the JSON and the preview no longer fit side by side and become tabs. */
const NARROW_QUERY = '(max-width: 1023.98px)';

export function App() {
  const dark = useMediaQuery('(prefers-color-scheme: dark)');
  const narrow = useMediaQuery(NARROW_QUERY);
  const layout = useDesigner((s) => s.layout);
  const setLayout = useDesigner((s) => s.setLayout);
  useGlobalShortcuts();
  useEffect(() => startAutosave(designerStore), []);

  return (
    // Fluent copies the provider's class names onto its portal nodes (tooltips), so the layout classes
    // sit on an inner element rather than on the provider.
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme} className="app-provider">
      <div className={dark ? 'app is-dark' : 'app'}>
        <DesignerToolbar />
        {narrow && (
          <TabList
            className="pane-tabs"
            selectedValue={layout.narrowTab}
            onTabSelect={(_event, data) => setLayout({ narrowTab: data.value === 'json' ? 'json' : 'preview' })}
            aria-label="Panes"
          >
            <Tab value="json">JSON</Tab>
            <Tab value="preview">Preview</Tab>
          </TabList>
        )}
        <main className="workspace">
          <SplitPane
            label="Resize the JSON and preview panes"
            share={layout.editorShare}
            onShareChange={(editorShare) => setLayout({ editorShare })}
            show={narrow ? (layout.narrowTab === 'json' ? 'first' : 'second') : 'both'}
            first={<EditorPane dark={dark} />}
            second={<PreviewPane />}
          />
        </main>
      </div>
    </FluentProvider>
  );
}
