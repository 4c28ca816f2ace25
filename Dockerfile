# The API image used by docker-compose.yml (Neo4j runs in its own container).
# Not built on the development machines (no Docker engine there); it follows what
# `npm start` does: build the server and the web app, then serve both.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY web ./web
COPY schema ./schema
COPY examples ./examples
RUN npm run build && npm run build:web && npm prune --omit=dev

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/web/dist ./web/dist
COPY package.json ./
COPY cypher ./cypher
COPY seeds ./seeds
COPY examples ./examples
COPY schema ./schema
USER node
EXPOSE 4000
CMD ["node", "dist/src/index.js"]
