# One image for every role: `api` (default), `worker`, `migrate`.
#   docker build -t hailong .
#   docker run --rm -e NODE_ENV=production -e DATABASE_URL=… -e TOKEN_SECRET=… hailong migrate
# The build stage runs the same commands as `pnpm build` in a checkout; server/test/production-layout.test.ts
# (in `pnpm test`, after `pnpm build`) assembles what the runtime stage copies and starts `node` on it.
ARG NODE_IMAGE=node:24-bookworm-slim

FROM ${NODE_IMAGE} AS base
RUN npm install -g pnpm@10 && rm -rf /root/.npm
WORKDIR /app

# Build: install with the lockfile, compile the server once (esbuild) and the web app (vite).
FROM base AS build
COPY . .
RUN pnpm install --frozen-lockfile
RUN pnpm build

# Run-time dependencies of the compiled server only (server/package.json "dependencies").
FROM base AS deps
COPY . .
RUN pnpm install --frozen-lockfile --prod --filter @hailong/server

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 DATA_DIR=/tmp/hailong
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=deps /app/server/node_modules ./server/node_modules
COPY --from=build /app/server/dist ./server/dist
COPY --from=build /app/db/migrations ./db/migrations
COPY --from=build /app/db/seed ./db/seed
COPY --from=build /app/survey-web/dist ./survey-web/dist
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --retries=5 CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/readyz').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"]
ENTRYPOINT ["node", "--enable-source-maps", "server/dist/main.mjs"]
CMD ["api"]
