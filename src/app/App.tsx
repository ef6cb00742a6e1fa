import { lazy, Suspense, useEffect, useState } from 'react';
import { FluentProvider, Tab, TabList, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { DesignerToolbar } from './DesignerToolbar.tsx';
import { useGlobalShortcuts } from './useGlobalShortcuts.ts';
import { useMediaQuery } from './useMediaQuery.ts';
import { EditorPane } from '../features/editor/EditorPane.tsx';
import { PreviewPane } from '../features/preview/PreviewPane.tsx';
import { PreviewTabs } from './PreviewTabs.tsx';
import { PackageMenu } from './PackageButton.tsx';
import { CardView } from '../features/preview/CardView.tsx';
import { preloadPreviewParts } from '../features/preview/lazyParts.ts';
import { SplitPane } from '../ui/SplitPane.tsx';
import { lazyWithPreload } from '../ui/lazyWithPreload.ts';
import { designerStore, useDesigner } from '../store/hooks.ts';
import { startAutosave } from '../store/autosave.ts';
import { draftsStore, startDraftsSync } from '../store/drafts.ts';
import './app.css';
import { LoadBoundary } from '../ui/LoadBoundary.tsx';

// The first screen is the toolbar's own commands and the preview; the editor's chunk is requested with
// it. The forms, the send and share features and the package view load right after, while Monaco
// downloads, so the preview never waits for them.
const FormsPane = lazy(() => import('../features/forms/FormsPane.tsx').then((m) => ({ default: m.FormsPane })));
const SendFeature = lazy(() => import('../features/send/SendFeature.tsx').then((m) => ({ default: m.SendFeature })));
const ShareFeature = lazy(() =>
  import('../features/share/ShareFeature.tsx').then((m) => ({ default: m.ShareFeature })),
);
const PackageWorkspace = lazyWithPreload(() => import('./PackageWorkspace.tsx'));
// The Inbox draws Workflows runs' Adaptive Cards with the Adaptive Card view's renderer, on first use.
const AdaptiveCardRenderer = lazy(() =>
  Promise.all([
    import('../features/workflows/AdaptiveCardRenderer.tsx'),
    import('../features/workflows/workflows.css'),
  ]).then(([m]) => ({ default: m.AdaptiveCardRenderer })),
);

/** False for the first render, true right after it: the rest of the designer may load then. */
function useAfterFirstScreen(): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    // After this commit: the editor's chunk has been requested by then.
    const soon = setTimeout(() => setReady(true), 0);
    const idle = setTimeout(() => {
      preloadPreviewParts();
      void PackageWorkspace.preload();
    }, 1000);
    return () => {
      clearTimeout(soon);
      clearTimeout(idle);
    };
  }, []);
  return ready;
}

const formsLoading = <p className="workspace-loading">Loading the outline and forms…</p>;

/** Below this width the JSON and the preview no longer fit side by side and become tabs. */
const NARROW_QUERY = '(max-width: 1023.98px)';

export function App() {
  const dark = useMediaQuery('(prefers-color-scheme: dark)');
  const narrow = useMediaQuery(NARROW_QUERY);
  const layout = useDesigner((s) => s.layout);
  const setLayout = useDesigner((s) => s.setLayout);
  useGlobalShortcuts();
  useEffect(() => startAutosave(designerStore), []);
  useEffect(() => startDraftsSync(draftsStore), []);
  const rest = useAfterFirstScreen();
  // The connector package view replaces the workspace; the card's panes stay mounted underneath.
  const [packageOpen, setPackageOpen] = useState(false);

  return (
    // Fluent copies the provider's class names onto its portal nodes (tooltips), so the layout classes
    // sit on an inner element rather than on the provider.
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme} className="app-provider">
      <div className={dark ? 'app is-dark' : 'app'}>
        <DesignerToolbar>
          {rest && (
            // One boundary, so that the feature buttons appear together and in order.
            <LoadBoundary what="The send, package and share commands">
              <Suspense fallback={null}>
                {/* The inbox draws arrived cards with the preview's and the Adaptive Card view's renderers
                    (features do not import each other). */}
                <SendFeature
                  renderCard={(card, host) => (
                    <div
                      className={host === 'workflows' ? 'preview-host host-teams-workflows' : 'preview-host host-teams'}
                    >
                      <CardView
                        card={card}
                        renderer={host === 'workflows' ? 'workflows' : 'teams'}
                        newTeams={false}
                        primary={false}
                        onSelect={() => {}}
                      />
                    </div>
                  )}
                  renderAdaptive={(card, version) => (
                    <LoadBoundary what="The Adaptive Card renderer">
                      <Suspense fallback={<p className="workspace-loading">Loading the Adaptive Card renderer…</p>}>
                        <AdaptiveCardRenderer card={card} version={version} dark={dark} />
                      </Suspense>
                    </LoadBoundary>
                  )}
                />
                {/* Template thumbnails are drawn by the real preview, passed in as a render prop. */}
                <ShareFeature
                  renderCard={(card) => (
                    <div className={dark ? 'preview-host host-teams-dark' : 'preview-host host-teams-light'}>
                      <CardView card={card} renderer="teams" newTeams={false} primary={false} onSelect={() => {}} />
                    </div>
                  )}
                />
                {/* The connector package is for owners of an existing connector only: it sits in "More". */}
                <PackageMenu
                  open={packageOpen}
                  onOpen={() => setPackageOpen(true)}
                  onPrefetch={() => void PackageWorkspace.preload()}
                />
              </Suspense>
            </LoadBoundary>
          )}
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
            <LoadBoundary what="The package view">
              <Suspense fallback={<p className="workspace-loading">Loading the package view…</p>}>
                <PackageWorkspace dark={dark} onClose={() => setPackageOpen(false)} />
              </Suspense>
            </LoadBoundary>
          </main>
        )}
        <main className="workspace with-forms" hidden={packageOpen}>
          {/* The outline and forms: a column of their own beside JSON and preview, a tab when narrow. */}
          <div className="workspace-forms" hidden={narrow && layout.narrowTab !== 'form'}>
            {rest ? (
              <LoadBoundary what="The outline and forms">
                <Suspense fallback={formsLoading}>
                  <FormsPane />
                </Suspense>
              </LoadBoundary>
            ) : (
              formsLoading
            )}
          </div>
          <div className="workspace-split" hidden={narrow && layout.narrowTab === 'form'}>
            <SplitPane
              label="Resize the JSON and preview panes"
              share={layout.editorShare}
              onShareChange={(editorShare) => setLayout({ editorShare })}
              show={narrow ? (layout.narrowTab === 'json' ? 'first' : 'second') : 'both'}
              first={<EditorPane dark={dark} />}
              second={<PreviewTabs dark={dark} preview={<PreviewPane dark={dark} />} />}
            />
          </div>
        </main>
      </div>
    </FluentProvider>
  );
}
