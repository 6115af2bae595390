# The hasim CLI as a container image, for `hasim export job` (an Indexed Job that runs one
# shard of a simulation per pod). Build from the repository root and push to your registry:
#   docker build -t <registry>/hasim:0.1.0 . && docker push <registry>/hasim:0.1.0
# then: hasim export job <scenario> --shards N --image <registry>/hasim:0.1.0

FROM node:20-slim AS build
WORKDIR /app
COPY package.json package-lock.json tsconfig.json tsconfig.build.json ./
COPY src ./src
# tools/hasim-bin is a devDependency (the clone's own bin for npx); prepare.mjs is `prepare`.
COPY tools ./tools
COPY scripts/prepare.mjs ./scripts/
# Every dependency, then `prepare` compiles src/ to dist/.
RUN npm ci --no-audit --no-fund

FROM node:20-slim
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
# Runtime dependencies only; the compiler already ran in the build stage.
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY schema ./schema
COPY scenarios ./scenarios
# The base image's unprivileged user (uid 1000); the Job's securityContext expects it.
USER node
ENTRYPOINT ["node", "/app/dist/cli/bin.js"]
CMD ["--help"]
