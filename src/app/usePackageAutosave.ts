import { useEffect } from 'react';
import { packageStore, startPackageAutosave } from '../store/packageStore.ts';

/** Saves the connector package locally while the app runs, whether or not its view is open. */
export function usePackageAutosave(): void {
  useEffect(() => startPackageAutosave(packageStore), []);
}
