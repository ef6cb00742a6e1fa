import type { ReactElement } from 'react';
import { render, type RenderOptions, type RenderResult } from '@testing-library/react';
import { createTestStores, type Stores } from '../store/createStores.ts';
import { StoresProvider } from '../store/hooks.ts';

/**
 * Renders a component inside a StoresProvider with stores of its own (fresh, memory storage only
 * unless `stores` is given), so no test shares state with another. Returns the stores with the result.
 */
export function renderWithStores(
  ui: ReactElement,
  { stores = createTestStores(), ...options }: Omit<RenderOptions, 'wrapper'> & { stores?: Stores } = {},
): RenderResult & { stores: Stores } {
  const result = render(ui, {
    ...options,
    wrapper: ({ children }) => <StoresProvider value={stores}>{children}</StoresProvider>,
  });
  return { ...result, stores };
}
