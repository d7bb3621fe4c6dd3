# syntax=docker/dockerfile:1
# One image for both PackFinderz processes.
#   docker build -t packfinderz .
#   docker run --env-file .env -p 3000:3000 packfinderz                                 # web (default)
#   docker run --env-file .env packfinderz pnpm --filter @pf/worker start               # worker
#   docker run --env-file .env packfinderz pnpm db:migrate                              # release step
# The image defaults to APP_ENV=production, which requires DATABASE_URL, REDIS_URL and AUTH_SECRET
# (see .env.example); the embedded PGlite mode is for one machine, not for containers.

FROM node:20-bookworm-slim AS base
RUN npm install -g pnpm@12.4.2 && npm cache clean --force
ENV NEXT_TELEMETRY_DISABLED=1 \
    npm_config_update_notifier=false
WORKDIR /app

FROM base AS build
ENV CI=true
# argon2 is compiled from source by node-gyp during install (the npm package has no usable prebuilt binary
# here), so the build stage needs a C++ toolchain; the final image does not.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
# Download every package from the lockfile alone first: source edits then reuse this layer.
COPY pnpm-lock.yaml pnpm-workspace.yaml .npmrc ./
RUN --mount=type=cache,id=pnpm-store,target=/pnpm/store pnpm fetch --store-dir /pnpm/store
COPY . .
RUN --mount=type=cache,id=pnpm-store,target=/pnpm/store \
    pnpm install --frozen-lockfile --offline --store-dir /pnpm/store
RUN pnpm --filter @pf/web build && rm -rf apps/web/.next/cache

FROM base AS runtime
# tini forwards SIGTERM to the whole process group (pnpm and the node process it starts), so web and worker
# shut down gracefully, and reaps zombies.
RUN apt-get update \
 && apt-get install -y --no-install-recommends tini \
 && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production \
    APP_ENV=production \
    PORT=3000 \
    HOSTNAME=0.0.0.0
# The whole workspace: the worker and `pnpm db:migrate` run TypeScript through tsx, and the web app imports
# the workspace packages' source; owned by `node` so Next.js can write its cache under .next.
COPY --from=build --chown=node:node /app /app
USER node
EXPOSE 3000
ENTRYPOINT ["tini", "-g", "--"]
CMD ["pnpm", "--filter", "@pf/web", "start"]
