import { use } from 'react';
import { JsonDocumentPane } from '../features/editor/JsonDocumentPane.tsx';
import { PackageView } from '../features/package/PackageView.tsx';
import { usePackageAutosave } from './usePackageAutosave.ts';
import { PackageStoreProvider, useStores } from '../store/hooks.ts';
import { MANIFEST_SCHEMA_URI, MANIFEST_VERSIONS, manifestSchema, schemaUrlFor } from '../manifest/schema.ts';

const MANIFEST_MODEL_URI = 'inmemory://messagecard-designer/package/manifest.json';
/** The public schema URLs a manifest's "$schema" names; the editor answers them with our schema, offline. */
const SCHEMA_ALIASES = MANIFEST_VERSIONS.map(schemaUrlFor);

interface PackageWorkspaceProps {
  dark: boolean;
  onClose(): void;
}

/**
 * The package view with the manifest's Monaco pane (features do not import each other). It loads on
 * first use and opens the package store then (suspending until it is open); only this view changes the
 * package, so it saves the package while it is open.
 */
export default function PackageWorkspace(props: PackageWorkspaceProps) {
  const packageStore = use(useStores().openPackage());
  return (
    <PackageStoreProvider value={packageStore}>
      <Workspace {...props} />
    </PackageStoreProvider>
  );
}

function Workspace({ dark, onClose }: PackageWorkspaceProps) {
  usePackageAutosave();
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
