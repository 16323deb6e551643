# The service runs its TypeScript directly on Node 24 (type stripping); only the console is built.

# 1. Build the web console (React + Vite) into web/dist.
FROM node:24-slim AS console
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
COPY web/package.json ./web/package.json
COPY web/scripts ./web/scripts
COPY src/require-node.cjs ./src/require-node.cjs
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY web ./web
RUN npm run build:web

# 2. The service with its production dependencies and the built console.
FROM node:24-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json .npmrc ./
COPY web/package.json ./web/package.json
COPY web/scripts ./web/scripts
# Without dev dependencies the prepare script finds no Vite and skips the console build: it comes from stage 1.
RUN npm ci --omit=dev --no-audit --no-fund
COPY machines ./machines
COPY db ./db
COPY src ./src
COPY workers ./workers
COPY --from=console /app/web/dist ./web/dist
# The photo store and the embedded server's folder (volumes in docker-compose.yml) belong to the service's user.
RUN mkdir -p /var/lib/nmg/uploads && chown -R node:node /var/lib/nmg
USER node
EXPOSE 3000
CMD ["node", "src/server.ts"]
