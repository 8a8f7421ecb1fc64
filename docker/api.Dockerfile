# syntax=docker/dockerfile:1
# OrGo API: build contracts + API with the workspace toolchain, then ship a pruned production tree.
# Build from the repo root: docker build -f docker/api.Dockerfile -t orgo/api .
FROM node:24-slim AS build
RUN npm i -g pnpm@12
WORKDIR /repo
# Manifests first so the dependency layer is cached until a lockfile or manifest changes.
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml .npmrc ./
COPY apps/api/package.json apps/api/
COPY libs/contracts/package.json libs/contracts/
RUN pnpm install --frozen-lockfile --filter @orgo/api... --filter @orgo/contracts
COPY tsconfig.base.json ./
COPY libs/contracts libs/contracts
COPY apps/api apps/api
RUN pnpm --filter @orgo/contracts build \
 && pnpm --filter @orgo/api build \
 && pnpm --filter @orgo/api deploy --prod /out \
 && rm -rf /out/src /out/test /out/.swcrc /out/tsconfig.json

FROM node:24-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000
WORKDIR /app
COPY --from=build --chown=node:node /out ./
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health/live').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
STOPSIGNAL SIGTERM
CMD ["node", "dist/main.js"]
