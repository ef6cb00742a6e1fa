/**
 * Mounts the API handler (`/api/send`, `/api/inbox`, `/api/workflows`) in Vite's dev and preview
 * servers, so the proxy, the local connector inbox and the local Workflows webhook work from
 * `npm run dev` and `npm run preview` as from `npm start`.
 */
import type { Connect, Plugin } from 'vite';
import { createApiHandler } from './handler.js';

function middleware(): Connect.NextHandleFunction {
  const handle = createApiHandler();
  return (req, res, next) => {
    if (!req.url?.startsWith('/api/')) return next();
    handle(req, res).then(
      (handled) => {
        if (!handled) next();
      },
      (error: unknown) => next(error),
    );
  };
}

/** The webhook proxy and the local webhooks, for `vite` and `vite preview`. */
export function webhookProxy(): Plugin {
  return {
    name: 'messagecard-webhook-proxy',
    configureServer(server) {
      server.middlewares.use(middleware());
    },
    configurePreviewServer(server) {
      server.middlewares.use(middleware());
    },
  };
}
