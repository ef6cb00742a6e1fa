# The designer as a service: `docker build -t messagecard-designer .` then
# `docker run -p 8080:8080 messagecard-designer` (see "Run it as a service" in the README).

# 1. Build the app (dist/) with the full toolchain.
FROM node:20-bookworm AS build
WORKDIR /app
# The sources come first: `npm ci` runs the package's `prepare` script, which builds the command line.
COPY . .
RUN npm ci --no-audit --no-fund && npm run build

# 2. The production modules the server imports (ioredis, sirv), at the versions of the lockfile, and
#    nothing of the browser app's (React, Fluent UI, Monaco are in dist/ already).
FROM node:20-bookworm AS server-modules
WORKDIR /app
COPY package.json package-lock.json ./
RUN node -e " \
      const pkg = require('./package.json'); \
      const keep = ['ioredis', 'sirv']; \
      const dependencies = Object.fromEntries(keep.map((name) => [name, pkg.dependencies[name]])); \
      require('node:fs').writeFileSync('package.json', JSON.stringify( \
        { name: pkg.name, version: pkg.version, private: true, type: 'module', dependencies }, null, 2)); \
    " \
 && npm install --omit=dev --ignore-scripts --no-audit --no-fund

# 3. Run: only dist/, the server's code and its modules, as the unprivileged user of the image.
FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=8080
WORKDIR /app
COPY --from=server-modules --chown=root:root /app/package.json ./package.json
COPY --from=server-modules --chown=root:root /app/node_modules ./node_modules
COPY --from=build --chown=root:root /app/dist ./dist
COPY --from=build --chown=root:root /app/server/*.js ./server/
COPY --from=build --chown=root:root /app/server/state/*.js ./server/state/
USER node
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 8080) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# node itself is PID 1, so SIGTERM from `docker stop` reaches the server's graceful shutdown.
CMD ["node", "server/standalone.js"]
