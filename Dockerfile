# syntax=docker/dockerfile:1
# Emploi 41 application image: Next.js server plus the operator CLI (run through tsx), so the
# same image serves the app and runs `npm run cli -- db migrate` / `ref import` at start-up.
#   docker build -t emploi-territoire .
#   docker run -e DATABASE_URL=... -e AUTH_SECRET=... -p 3000:3000 emploi-territoire

ARG NODE_IMAGE=node:20-bookworm-slim

# --- 1. dependencies (cached while package*.json do not change) ------------------------------
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1 \
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm \
    npm ci --no-audit --no-fund

# --- 2. build ---------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1 \
    NODE_ENV=production
COPY --from=deps /app/node_modules ./node_modules
COPY . .
# The build must not need a database: pages reading data are rendered per request.
RUN npm run build && rm -rf .next/cache

# --- 3. runtime -------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000
# Dev dependencies stay: the CLI runs TypeScript through tsx (a dev dependency) and loads
# src/, drizzle/, data/ and instance/ at container start.
# /app/.data holds the embedded PGlite database when no DATABASE_URL is given (demo only);
# /app/.next/cache is written by the Next server (image optimisation, ISR).
COPY --from=build --chown=node:node /app /app
RUN mkdir -p /app/.data /app/.next/cache && chown node:node /app/.data /app/.next/cache
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://localhost:'+(process.env.PORT||3000)+'/api/health',{signal:AbortSignal.timeout(4000)}).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# server.mjs (Next's handler behind a Node http server that passes on the socket's address for
# per-address rate limits) reads PORT and listens on 0.0.0.0, outside the container.
CMD ["node", "server.mjs"]
