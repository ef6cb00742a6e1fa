import { useEffect, useState } from 'react';
import { FluentProvider, Tab, TabList, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { DesignerToolbar } from './DesignerToolbar.tsx';
import { useGlobalShortcuts } from './useGlobalShortcuts.ts';
import { useMediaQuery } from './useMediaQuery.ts';
import { EditorPane } from '../features/editor/EditorPane.tsx';
import { PreviewPane } from '../features/preview/PreviewPane.tsx';
import { PreviewTabs } from './PreviewTabs.tsx';
import { FormsPane } from '../features/forms/FormsPane.tsx';
import { CardView } from '../features/preview/CardView.tsx';
import { SendFeature } from '../features/send/SendFeature.tsx';
import { ShareFeature } from '../features/share/ShareFeature.tsx';
import { SplitPane } from '../ui/SplitPane.tsx';
import { designerStore, useDesigner } from '../store/hooks.ts';
import { startAutosave } from '../store/autosave.ts';
import { PackageButton, PackageWorkspace } from './PackageWorkspace.tsx';
import { usePackageAutosave } from './usePackageAutosave.ts';
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
  usePackageAutosave();
  // The connector package view replaces the workspace; the card's panes stay mounted underneath.
  const [packageOpen, setPackageOpen] = useState(false);

  return (
    // Fluent copies the provider's class names onto its portal nodes (tooltips), so the layout classes
    // sit on an inner element rather than on the provider.
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme} className="app-provider">
      <div className={dark ? 'app is-dark' : 'app'}>
        <DesignerToolbar>
          {/* The inbox draws arrived cards with the preview's renderer (features do not import each other). */}
          <SendFeature
            renderCard={(card) => (
              <div className="preview-host host-teams">
                <CardView card={card} renderer="teams" newTeams={false} primary={false} onSelect={() => {}} />
              </div>
            )}
          />
          <PackageButton open={packageOpen} onOpen={() => setPackageOpen(true)} />
          {/* Template thumbnails are drawn by the real preview, passed in as a render prop. */}
          <ShareFeature
            renderCard={(card) => (
              <div className={dark ? 'preview-host host-teams-dark' : 'preview-host host-teams-light'}>
                <CardView card={card} renderer="teams" newTeams={false} primary={false} onSelect={() => {}} />
              </div>
            )}
          />
        </DesignerToolbar>
        {narrow && !packageOpen && (
          <TabList
            className="pane-tabs"
            selectedValue={layout.narrowTab}
            onTabSelect={(_event, data) =>
              setLayout({ narrowTab: data.value === 'json' || data.value === 'form' ? data.value : 'preview' })
            }
            aria-label="Panes"
          >
            <Tab value="form">Form</Tab>
            <Tab value="json">JSON</Tab>
            <Tab value="preview">Preview</Tab>
          </TabList>
        )}
        {packageOpen && (
          <main className="workspace">
            <PackageWorkspace dark={dark} onClose={() => setPackageOpen(false)} />
          </main>
        )}
        <main className="workspace with-forms" hidden={packageOpen}>
          {/* The outline and forms: a column of their own beside JSON and preview, a tab when narrow. */}
          <div className="workspace-forms" hidden={narrow && layout.narrowTab !== 'form'}>
            <FormsPane />
          </div>
          <div className="workspace-split" hidden={narrow && layout.narrowTab === 'form'}>
            <SplitPane
              label="Resize the JSON and preview panes"
              share={layout.editorShare}
              onShareChange={(editorShare) => setLayout({ editorShare })}
              show={narrow ? (layout.narrowTab === 'json' ? 'first' : 'second') : 'both'}
              first={<EditorPane dark={dark} />}
              second={<PreviewTabs dark={dark} preview={<PreviewPane />} />}
            />
          </div>
        </main>
      </div>
    </FluentProvider>
  );
}
