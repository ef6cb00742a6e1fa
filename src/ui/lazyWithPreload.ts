import { createElement, lazy, useState, type ComponentType } from 'react';

export type PreloadableComponent<P> = ComponentType<P> & {
  /** Starts loading the component's code now; later calls return the same promise. */
  preload(): Promise<unknown>;
};

/**
 * `React.lazy` with a way to start the download before the component is first drawn: the first
 * screen loads only what it shows, and the rest is fetched while the user reads it. Once loaded,
 * the component draws at once, without passing through its Suspense fallback even for a moment:
 * a dialog opened by a click is there for the very next key.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the same constraint as React.lazy
export function lazyWithPreload<T extends ComponentType<any>>(
  load: () => Promise<{ default: T }>,
): PreloadableComponent<React.ComponentProps<T>> {
  let loaded: T | undefined;
  let loading: Promise<{ default: T }> | undefined;
  const preload = () =>
    (loading ??= load().then((module) => {
      loaded = module.default;
      return module;
    }));
  const Lazy = lazy(preload);
  function Preloadable(props: React.ComponentProps<T>) {
    // Chosen once per mount: switching from the lazy wrapper to the loaded component would remount it.
    const [chosen] = useState(() => ({ component: loaded ?? Lazy }));
    return createElement(chosen.component, props);
  }
  return Object.assign(Preloadable, { preload });
}
