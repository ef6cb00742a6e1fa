import { useEffect } from 'react';
import { startPackageAutosave } from '../store/packageStore.ts';
import { usePackageStore } from '../store/hooks.ts';

/** Saves the connector package locally while the package view is open, and once more when it closes. */
export function usePackageAutosave(): void {
  const packageStore = usePackageStore();
  useEffect(() => startPackageAutosave(packageStore), [packageStore]);
}
