import { useEffect, useRef } from 'react';
import { ToolbarButton, Tooltip } from '@fluentui/react-components';
import { BoxMultiple20Regular } from '@fluentui/react-icons';
import { JsonDocumentPane } from '../features/editor/JsonDocumentPane.tsx';
import { PackageView } from '../features/package/PackageView.tsx';
import { MANIFEST_SCHEMA_URI, MANIFEST_VERSIONS, manifestSchema, schemaUrlFor } from '../card/manifest/schema.ts';

const MANIFEST_MODEL_URI = 'inmemory://messagecard-designer/package/manifest.json';
/** The public schema URLs a manifest's "$schema" names; the editor answers them with our schema, offline. */
const SCHEMA_ALIASES = MANIFEST_VERSIONS.map(schemaUrlFor);

/** The toolbar button that opens the package view; focus comes back to it when the view closes. */
export function PackageButton({ open, onOpen }: { open: boolean; onOpen(): void }) {
  const ref = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(open);
  useEffect(() => {
    if (wasOpen.current && !open) ref.current?.focus();
    wasOpen.current = open;
  }, [open]);
  return (
    <Tooltip content="Package a registered connector as a Teams app (.zip)" relationship="description">
      <ToolbarButton ref={ref} icon={<BoxMultiple20Regular />} onClick={onOpen} aria-pressed={open}>
        Package
      </ToolbarButton>
    </Tooltip>
  );
}

/** The package view with the manifest's Monaco pane (features do not import each other). */
export function PackageWorkspace({ dark, onClose }: { dark: boolean; onClose(): void }) {
  return (
    <PackageView
      onClose={onClose}
      renderEditor={(props) => (
        <JsonDocumentPane
          {...props}
          modelUri={MANIFEST_MODEL_URI}
          schemaUri={MANIFEST_SCHEMA_URI}
          schema={manifestSchema}
          schemaAliases={SCHEMA_ALIASES}
          markerSource="Manifest rules"
          ariaLabel="Manifest JSON editor"
          dark={dark}
          testHandle="manifestEditor"
        />
      )}
    />
  );
}
