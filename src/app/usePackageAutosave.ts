import { useEffect } from 'react';
import { packageStore, startPackageAutosave } from '../store/packageStore.ts';

/** Saves the connector package locally while the package view is open, and once more when it closes. */
export function usePackageAutosave(): void {
  useEffect(() => startPackageAutosave(packageStore), []);
}
