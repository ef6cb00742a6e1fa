import { lazy, Suspense, type ReactNode } from 'react';
import { Tab, TabList } from '@fluentui/react-components';
import { useWorkflows } from '../store/workflowsStore.ts';
import './previewTabs.css';
import { LoadBoundary } from '../ui/LoadBoundary.tsx';

// Microsoft's Adaptive Card renderer is large; it loads when the tab is first opened, not with the designer.
const AdaptiveCardPane = lazy(() =>
  import('../features/workflows/AdaptiveCardPane.tsx').then((m) => ({ default: m.AdaptiveCardPane })),
);

interface PreviewTabsProps {
  /** The Teams-style MessageCard preview. */
  preview: ReactNode;
  dark: boolean;
}

/**
 * The right pane: the MessageCard as Teams draws it, or the card converted for Workflows, side by
 * side with the same JSON. The choice is remembered.
 */
export function PreviewTabs({ preview, dark }: PreviewTabsProps) {
  const view = useWorkflows((s) => s.view);
  const setView = useWorkflows((s) => s.setView);
  return (
    <div className="preview-tabs">
      <TabList
        className="preview-tabs-list"
        size="small"
        selectedValue={view}
        onTabSelect={(_event, data) => setView(data.value === 'adaptive' ? 'adaptive' : 'messagecard')}
        aria-label="Preview"
      >
        <Tab value="messagecard">Teams preview</Tab>
        <Tab value="adaptive">Adaptive Card (Workflows)</Tab>
      </TabList>
      <div className="preview-tabs-body">
        {view === 'adaptive' ? (
          <LoadBoundary what="The Adaptive Card view">
            <Suspense fallback={<p className="workspace-loading">Loading the Adaptive Card renderer…</p>}>
              <AdaptiveCardPane dark={dark} />
            </Suspense>
          </LoadBoundary>
        ) : (
          preview
        )}
      </div>
    </div>
  );
}
