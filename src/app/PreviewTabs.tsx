import { lazy, Suspense, type ReactNode } from 'react';
import { Tab, TabList } from '@fluentui/react-components';
import { usePreviewSettings, useWorkflows } from '../store/hooks.ts';
import './previewTabs.css';
import { LoadBoundary } from '../ui/LoadBoundary.tsx';

// Microsoft's Adaptive Card renderer is large; it loads when a tab that needs it is first opened, not with
// the designer.
const AdaptiveCardPane = lazy(() =>
  import('../features/workflows/AdaptiveCardPane.tsx').then((m) => ({ default: m.AdaptiveCardPane })),
);
const CompareWorkflows = lazy(() => import('./CompareWorkflows.tsx'));

interface PreviewTabsProps {
  /** The Teams-style MessageCard preview. */
  preview: ReactNode;
  dark: boolean;
}

type TabValue = 'messagecard' | 'adaptive' | 'compare';

/**
 * The right pane: the MessageCard as Teams draws it, the card converted for Workflows, or both
 * Workflows outcomes side by side, each with the same JSON. The choice is remembered.
 */
export function PreviewTabs({ preview, dark }: PreviewTabsProps) {
  const view = useWorkflows((s) => s.view);
  const setView = useWorkflows((s) => s.setView);
  const compare = usePreviewSettings((s) => s.compare);
  const setPreview = usePreviewSettings((s) => s.set);
  const tab: TabValue = compare ? 'compare' : view;
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
      <TabList
        className="preview-tabs-list"
        size="small"
        selectedValue={tab}
        onTabSelect={(_event, data) => select(data.value)}
        aria-label="Preview"
      >
        <Tab value="messagecard">Teams preview</Tab>
        <Tab value="adaptive">Adaptive Card</Tab>
        <Tab value="compare">Compare on Workflows</Tab>
      </TabList>
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
