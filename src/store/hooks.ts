/**
 * How components reach the stores: the app puts the stores it created (`createStores`) in
 * `StoresProvider`, and each hook below reads one store from it; the package store, opened with the
 * package view, comes from `PackageStoreProvider` instead. `useDesigner(selector)` and its
 * siblings re-render only when the selected slice changes; `useDesignerStore()` and its siblings give
 * the store itself, for event handlers (`getState()`) and for modules that take a store as a parameter.
 */
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { Stores, PreviewSettingsStore, WorkflowsStore } from './createStores.ts';
import type { DesignerState, DesignerStore } from './designerStore.ts';
import type { DraftsState, DraftsStore } from './drafts.ts';
import type { PackageState, PackageStore } from './packageStore.ts';
import type { PreviewSettingsState } from './previewSettings.ts';
import type { SendState, SendStore } from './sendStore.ts';
import type { WorkflowsState } from './workflowsStore.ts';

const StoresContext = createContext<Stores | undefined>(undefined);
const PackageStoreContext = createContext<PackageStore | undefined>(undefined);

/** Gives its children the designer's stores. */
export const StoresProvider = StoresContext.Provider;

/** Every store of the designer this component is drawn in. */
export function useStores(): Stores {
  const stores = useContext(StoresContext);
  if (!stores) throw new Error('The designer’s stores are missing: draw this component inside <StoresProvider>.');
  return stores;
}

export const useDesignerStore = (): DesignerStore => useStores().designer;
export const useDraftsStore = (): DraftsStore => useStores().drafts;
export const useSendStore = (): SendStore => useStores().send;
export const usePreviewSettingsStore = (): PreviewSettingsStore => useStores().previewSettings;
export const useWorkflowsStore = (): WorkflowsStore => useStores().workflows;

/** Gives the package view the package store, once opened (`Stores.openPackage`). */
export const PackageStoreProvider = PackageStoreContext.Provider;

/** The connector package's store: only inside the package view, which opens it. */
export function usePackageStore(): PackageStore {
  const store = useContext(PackageStoreContext);
  if (!store) throw new Error('The package store is missing: draw this component inside <PackageStoreProvider>.');
  return store;
}

/** Reads one slice of the designer state; the component re-renders only when that slice changes. */
export function useDesigner<T>(selector: (state: DesignerState) => T): T {
  return useStore(useDesignerStore(), selector);
}

/** Reads one slice of the drafts state. */
export function useDrafts<T>(selector: (state: DraftsState) => T): T {
  return useStore(useDraftsStore(), selector);
}

/** Reads one slice of the package state. */
export function usePackage<T>(selector: (state: PackageState) => T): T {
  return useStore(usePackageStore(), selector);
}

/** Reads one slice of the send state. */
export function useSend<T>(selector: (state: SendState) => T): T {
  return useStore(useSendStore(), selector);
}

/** Reads one slice of the preview settings. */
export function usePreviewSettings<T>(selector: (state: PreviewSettingsState) => T): T {
  return useStore(usePreviewSettingsStore(), selector);
}

/** Reads one slice of the Workflows choices. */
export function useWorkflows<T>(selector: (state: WorkflowsState) => T): T {
  return useStore(useWorkflowsStore(), selector);
}
