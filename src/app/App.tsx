import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { FluentProvider, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { AppHeader } from './AppHeader.tsx';
import { StripPlaceholder, ToolbarPlaceholder } from './Placeholders.tsx';
import { useGlobalShortcuts } from './useGlobalShortcuts.ts';
import { useMediaQuery } from './useMediaQuery.ts';
import { EditorPane } from '../features/editor/EditorPane.tsx';
import { PreviewPane } from '../features/preview/PreviewPane.tsx';
import { PreviewTabs } from './PreviewTabs.tsx';
import { CardView } from '../features/preview/CardView.tsx';
import { preloadPreviewParts } from '../features/preview/lazyParts.ts';
import { SplitPane } from '../ui/SplitPane.tsx';
import { lazyWithPreload } from '../ui/lazyWithPreload.ts';
import { useDesigner, useStores } from '../store/hooks.ts';
import type { Stores } from '../store/createStores.ts';
import { startAutosave } from '../store/autosave.ts';
import { startDraftsSync } from '../store/drafts.ts';
import './app.css';
import { LoadBoundary } from '../ui/LoadBoundary.tsx';

// The first screen is the header, the preview and the editor. The commands and the tab strips (Fluent's
// toolbar, tooltips, menus and tab lists) come in chunks of their own, requested with the first screen but
// not waited for. The forms, the send and share features and the package view load once the editor is
// ready, so neither the preview nor the editor waits for them.
const DesignerToolbar = lazy(() => import('./DesignerToolbar.tsx'));
const PackageMenu = lazy(() => import('./PackageButton.tsx').then((m) => ({ default: m.PackageMenu })));
const PaneTabList = lazy(() => import('./TabStrips.tsx').then((m) => ({ default: m.PaneTabList })));
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

/** Fetches the package view and opens the package store ahead of use, so the view opens without a wait. */
function preloadPackage(stores: Stores) {
  void PackageWorkspace.preload();
  void stores.openPackage();
}

/** How long the rest of the designer waits for the editor before loading anyway (an editor that failed). */
const EDITOR_WAIT_MS = 5000;

/**
 * False until the JSON editor is ready, then true: the rest of the designer (forms, send, share, package)
 * loads then, so that it competes neither with the preview nor with the editor for the network and the
 * main thread. If the editor never gets ready (its code could not be fetched), the rest loads anyway.
 */
function useAfterEditor(): [ready: boolean, onEditorReady: () => void] {
  const stores = useStores();
  const [ready, setReady] = useState(false);
  const onEditorReady = useCallback(() => setReady(true), []);
  useEffect(() => {
    const fallback = setTimeout(() => setReady(true), EDITOR_WAIT_MS);
    return () => clearTimeout(fallback);
  }, []);
  useEffect(() => {
    if (!ready) return;
    // The preview's dialogs and the package view are fetched a little later, ahead of their first use.
    const idle = setTimeout(() => {
      preloadPreviewParts();
      preloadPackage(stores);
    }, 1000);
    return () => clearTimeout(idle);
  }, [ready, stores]);
  return [ready, onEditorReady];
}

/**
 * The commands of the features the first screen does not need (send, share, templates, the package menu),
 * added to the toolbar once the editor is ready. One boundary, so that they appear together and in order.
 */
function FeatureCommands({
  dark,
  packageOpen,
  onOpenPackage,
}: {
  dark: boolean;
  packageOpen: boolean;
  onOpenPackage(): void;
}) {
  const stores = useStores();
  return (
    <LoadBoundary what="The send, package and share commands">
      <Suspense fallback={null}>
        {/* The inbox draws arrived cards with the preview's and the Adaptive Card view's renderers
            (features do not import each other). */}
        <SendFeature
          renderCard={(card, host) => (
            <div className={host === 'workflows' ? 'preview-host host-teams-workflows' : 'preview-host host-teams'}>
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
        <PackageMenu open={packageOpen} onOpen={onOpenPackage} onPrefetch={() => preloadPackage(stores)} />
      </Suspense>
    </LoadBoundary>
  );
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
  const stores = useStores();
  useEffect(() => startAutosave(stores.designer), [stores]);
  useEffect(() => startDraftsSync(stores.drafts), [stores]);
  const [rest, onEditorReady] = useAfterEditor();
  // The connector package view replaces the workspace; the card's panes stay mounted underneath.
  const [packageOpen, setPackageOpen] = useState(false);

  return (
    // Fluent copies the provider's class names onto its portal nodes (tooltips), so the layout classes
    // sit on an inner element rather than on the provider.
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme} className="app-provider">
      <div className={dark ? 'app is-dark' : 'app'}>
        <AppHeader>
          <LoadBoundary what="The card commands">
            <Suspense fallback={<ToolbarPlaceholder />}>
              <DesignerToolbar>
                {rest && (
                  <FeatureCommands dark={dark} packageOpen={packageOpen} onOpenPackage={() => setPackageOpen(true)} />
                )}
              </DesignerToolbar>
            </Suspense>
          </LoadBoundary>
        </AppHeader>
        {narrow && !packageOpen && (
          <LoadBoundary what="The pane tabs">
            <Suspense fallback={<StripPlaceholder className="pane-tabs" />}>
              <PaneTabList tab={layout.narrowTab} onSelect={(narrowTab) => setLayout({ narrowTab })} />
            </Suspense>
          </LoadBoundary>
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
              first={<EditorPane dark={dark} onReady={onEditorReady} />}
              second={<PreviewTabs dark={dark} preview={<PreviewPane dark={dark} />} />}
            />
          </div>
        </main>
      </div>
    </FluentProvider>
  );
}
