# syntax=docker/dockerfile:1
# OrGo SPA: a static build served by nginx (API and Socket.IO go through the load balancer).
# Build from the repo root: docker build -f docker/web.Dockerfile -t orgo/web .
FROM node:24-slim AS build
RUN npm i -g pnpm@12
WORKDIR /repo
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml .npmrc ./
COPY apps/web/package.json apps/web/
COPY libs/contracts/package.json libs/contracts/
RUN pnpm install --frozen-lockfile --filter @orgo/web... --filter @orgo/contracts
COPY tsconfig.base.json ./
COPY libs/contracts libs/contracts
COPY apps/web apps/web
RUN pnpm --filter @orgo/contracts build && pnpm --filter @orgo/web build

FROM nginx:stable-alpine AS runtime
COPY docker/nginx.web.conf /etc/nginx/conf.d/default.conf
COPY --from=build /repo/apps/web/dist /usr/share/nginx/html
EXPOSE 80
HEALTHCHECK --interval=10s --timeout=3s --retries=3 CMD ["wget", "-qO-", "http://127.0.0.1/healthz"]
