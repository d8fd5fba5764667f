# syntax=docker/dockerfile:1
# Lotse: build with the native toolchain, run slim and unprivileged.

FROM node:20-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 is a native module: node-gyp needs python3, make and g++.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts && npm rebuild better-sqlite3
COPY tsconfig.json ./
COPY src ./src
COPY adapters ./adapters
COPY intents ./intents
COPY locales ./locales
COPY bench ./bench
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    DATA_DIR=/data \
    PORT=3000
WORKDIR /app
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# Files read at run time: demo region, glossary and console assets (src), bot texts (locales), the web chat widget (adapters).
COPY --from=build /app/src ./src
COPY --from=build /app/locales ./locales
COPY --from=build /app/adapters ./adapters
RUN mkdir -p /data && chown node:node /data \
 && printf '#!/bin/sh\nexec node /app/dist/src/cli/main.js "$@"\n' > /usr/local/bin/lotse \
 && chmod 755 /usr/local/bin/lotse
USER node
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["lotse", "start"]
