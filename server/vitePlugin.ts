/**
 * Mounts the API handler (`/api/send`, `/api/inbox`) in Vite's dev and preview servers, so the
 * proxy and the local inbox work from `npm run dev` and `npm run preview` as from `npm start`.
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

/** The webhook proxy and the local inbox, for `vite` and `vite preview`. */
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
