/**
 * Ports of the end-to-end run. Worker N of Playwright drives its own app server on BASE_PORT + N,
 * with its own local inbox, and may run a fake Teams on that port + 10000: the one origin the app's
 * proxy is allowed to reach over plain http (WEBHOOK_ALLOW). E2E_PORT moves the whole range, so
 * several checkouts can run side by side.
 */
export const BASE_PORT = Number(process.env.E2E_PORT ?? 4173);

/** The fake Teams (or Workflows) receiver that the app server on `appPort` may post to. */
export function fakeTeamsPort(appPort: number): number {
  return appPort + 10_000;
}
