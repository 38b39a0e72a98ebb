# The JSPU International Cooperation bot.
#   docker build -t jspu-bot .
#   docker run -d --name jspu-bot --restart unless-stopped -e BOT_TOKEN=... -v jspu-data:/data jspu-bot

# Build stage: compiles better-sqlite3 (python3, make and g++ are needed only here) and the TypeScript.
FROM node:20-bookworm-slim AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build && npm prune --omit=dev

# Runtime stage: Node, the compiled bot, its texts and knowledge; no compilers, runs as a non-root user.
FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    DATABASE_PATH=/data/bot.sqlite \
    KNOWLEDGE_DIR=/data/knowledge \
    PORT=8080
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
COPY locales ./locales
# The shipped knowledge base: the seed of /data/knowledge on the first start (docker/entrypoint.sh).
COPY knowledge ./knowledge
COPY docker/entrypoint.sh /usr/local/bin/entrypoint.sh
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 8080
# /healthz answers 200 while the bot is polling (or serving its webhook).
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 8080) + '/healthz').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
ENTRYPOINT ["/usr/local/bin/entrypoint.sh"]
# The same Node flags as `npm start` (memory kept small; see README).
CMD ["node", "--enable-source-maps", "--max-semi-space-size=8", "--max-old-space-size=96", "--single-threaded-gc", "dist/src/main.js"]
