# The JSPU International Cooperation bot.
#   docker build -t jspu-bot .
#   docker run -d --name jspu-bot -e BOT_TOKEN=... -v jspu-data:/data jspu-bot

# Build stage: compiles better-sqlite3 (python3, make and g++ are needed only here).
FROM node:20-bookworm-slim AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev

# Runtime stage: Node and the app, no compilers.
FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    DATABASE_PATH=/data/bot.sqlite \
    KNOWLEDGE_DIR=/app/knowledge \
    PORT=8080
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY package.json tsconfig.json ./
COPY src ./src
COPY locales ./locales
COPY knowledge ./knowledge
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 8080
# /healthz answers 200 while the bot is polling (or serving its webhook).
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 8080) + '/healthz').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "--import", "tsx", "src/main.ts"]
