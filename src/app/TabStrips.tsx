import { Tab, TabList } from '@fluentui/react-components';

/**
 * The tab strips of the layout, in a chunk of their own (`App.tsx`, `PreviewTabs.tsx`): the first screen
 * draws the panes under them without waiting for Fluent's tab list. Until they arrive, `StripPlaceholder`
 * (`Placeholders.tsx`) keeps their height, so the panes do not move when they do.
 */

export type PreviewTab = 'messagecard' | 'adaptive' | 'compare';

/** The right pane's views: the Teams preview, the Adaptive Card for Workflows, the two side by side. */
export function PreviewTabList({ tab, onSelect }: { tab: PreviewTab; onSelect(value: unknown): void }) {
  return (
    <TabList
      className="preview-tabs-list"
      size="small"
      selectedValue={tab}
      onTabSelect={(_event, data) => onSelect(data.value)}
      aria-label="Preview"
    >
      <Tab value="messagecard">Teams preview</Tab>
      <Tab value="adaptive">Adaptive Card</Tab>
      <Tab value="compare">Compare on Workflows</Tab>
    </TabList>
  );
}

export type PaneTab = 'form' | 'json' | 'preview';

/** Below 1024 pixels the form, the JSON and the preview no longer fit side by side: one at a time. */
export function PaneTabList({ tab, onSelect }: { tab: PaneTab; onSelect(tab: PaneTab): void }) {
  return (
    <TabList
      className="pane-tabs"
      selectedValue={tab}
      onTabSelect={(_event, data) => onSelect(data.value === 'json' || data.value === 'form' ? data.value : 'preview')}
      aria-label="Panes"
    >
      <Tab value="form">Form</Tab>
      <Tab value="json">JSON</Tab>
      <Tab value="preview">Preview</Tab>
    </TabList>
  );
}
