# The service runs its TypeScript directly on Node 24 (type stripping): no build step.
FROM node:24-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund
COPY machines ./machines
COPY db ./db
COPY src ./src
COPY workers ./workers
# The photo store (a volume in docker-compose.yml) must belong to the user the service runs as.
RUN mkdir -p /var/lib/nmg/uploads && chown -R node:node /var/lib/nmg
USER node
EXPOSE 3000
CMD ["node", "src/server.ts"]
