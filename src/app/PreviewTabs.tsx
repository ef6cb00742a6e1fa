import { lazy, Suspense, type ReactNode } from 'react';
import { usePreviewSettings, useWorkflows } from '../store/hooks.ts';
import './previewTabs.css';
import { LoadBoundary } from '../ui/LoadBoundary.tsx';
import { StripPlaceholder } from './Placeholders.tsx';
import type { PreviewTab } from './TabStrips.tsx';

// Microsoft's Adaptive Card renderer is large; it loads when a tab that needs it is first opened, not with
// the designer.
const AdaptiveCardPane = lazy(() =>
  import('../features/workflows/AdaptiveCardPane.tsx').then((m) => ({ default: m.AdaptiveCardPane })),
);
const CompareWorkflows = lazy(() => import('./CompareWorkflows.tsx'));
const PreviewTabList = lazy(() => import('./TabStrips.tsx').then((m) => ({ default: m.PreviewTabList })));

interface PreviewTabsProps {
  /** The Teams-style MessageCard preview. */
  preview: ReactNode;
  dark: boolean;
}

/**
 * The right pane: the MessageCard as Teams draws it, the card converted for Workflows, or both
 * Workflows outcomes side by side, each with the same JSON. The choice is remembered.
 */
export function PreviewTabs({ preview, dark }: PreviewTabsProps) {
  const view = useWorkflows((s) => s.view);
  const setView = useWorkflows((s) => s.setView);
  const compare = usePreviewSettings((s) => s.compare);
  const setPreview = usePreviewSettings((s) => s.set);
  const tab: PreviewTab = compare ? 'compare' : view;
  const select = (value: unknown) => {
    if (value === 'compare') {
      setPreview({ compare: true });
      return;
    }
    setPreview({ compare: false });
    setView(value === 'adaptive' ? 'adaptive' : 'messagecard');
  };
  return (
    <div className="preview-tabs">
      <LoadBoundary what="The preview's tabs">
        <Suspense fallback={<StripPlaceholder className="preview-tabs-list" />}>
          <PreviewTabList tab={tab} onSelect={select} />
        </Suspense>
      </LoadBoundary>
      <div className="preview-tabs-body">
        {tab === 'adaptive' ? (
          <LoadBoundary what="The Adaptive Card view">
            <Suspense fallback={<p className="workspace-loading">Loading the Adaptive Card renderer…</p>}>
              <AdaptiveCardPane dark={dark} />
            </Suspense>
          </LoadBoundary>
        ) : tab === 'compare' ? (
          <LoadBoundary what="The side-by-side view">
            <Suspense fallback={<p className="workspace-loading">Loading the Adaptive Card renderer…</p>}>
              <CompareWorkflows dark={dark} />
            </Suspense>
          </LoadBoundary>
        ) : (
          preview
        )}
      </div>
    </div>
  );
}
