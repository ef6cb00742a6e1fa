/**
 * Mounts the API handler (`/api/send`, `/api/inbox`, `/api/workflows`, `/healthz`) in Vite's dev and
 * preview servers, so the proxy, the local connector inbox and the local Workflows webhook work from
 * `npm run dev` and `npm run preview` as from `npm start`. The preview server also sends the security
 * headers of `npm start` (the Content-Security-Policy among them); the dev server does not, since Vite's
 * hot reload injects an inline script.
 */
import type { Connect, Plugin, PreviewServer, ViteDevServer } from 'vite';
import { isLoopbackHost, parseClientLimit, parseTrustProxy } from './client.js';
import { createApiHandler } from './handler.js';
import { setSecurityHeaders } from './headers.js';

/** Whether Vite listens beyond loopback (`--host` with no value, 0.0.0.0 or another address). */
function reachable(host: string | boolean | undefined): boolean {
  if (host === undefined || host === false) return false;
  return host === true || !isLoopbackHost(host);
}

function mount(server: ViteDevServer | PreviewServer, host: string | boolean | undefined): void {
  const handle = createApiHandler({
    clientLimit: parseClientLimit(process.env.CLIENT_LIMIT, reachable(host)),
    trustProxy: parseTrustProxy(process.env.TRUST_PROXY),
  });
  server.httpServer?.once('close', () => void handle.close());
  const middleware: Connect.NextHandleFunction = (req, res, next) => {
    if (!req.url?.startsWith('/api/') && req.url !== '/healthz') return next();
    handle(req, res).then(
      (handled) => {
        if (!handled) next();
      },
      (error: unknown) => next(error),
    );
  };
  server.middlewares.use(middleware);
}

/** The webhook proxy and the local webhooks, for `vite` and `vite preview`. */
export function webhookProxy(): Plugin {
  return {
    name: 'messagecard-webhook-proxy',
    configureServer(server) {
      mount(server, server.config.server.host);
    },
    configurePreviewServer(server) {
      server.middlewares.use((_req, res, next) => {
        setSecurityHeaders(res);
        next();
      });
      mount(server, server.config.preview.host);
    },
  };
}
