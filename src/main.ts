/**
 * `npm start`: reads the configuration, starts the bot, and stops it cleanly on
 * SIGINT/SIGTERM (updates in hand finish; nothing is lost or handled twice).
 */
import { startApp } from "./app.js";
import { ConfigError, loadConfig } from "./config.js";
import { KnowledgeError } from "./knowledge/problems.js";
import { createLogger } from "./logger.js";

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
  const logger = createLogger(config.LOG_LEVEL);
  // Through the logger, which scrubs the token, rather than Node's own dump on stderr (a network error quotes the request URL).
  const die = (error: unknown) => {
    logger.fatal({ err: error }, "uncaught error; stopping");
    process.exit(1);
  };
  process.on("uncaughtException", die);
  process.on("unhandledRejection", die);
  let app;
  try {
    app = await startApp(config, logger);
  } catch (error) {
    if (error instanceof KnowledgeError) {
      console.error(error.message);
      process.exit(1);
    }
    logger.fatal({ err: error }, "the bot could not start");
    process.exit(1);
  }
  app.done.catch((error) => {
    logger.fatal({ err: error }, "long polling failed for good (is another instance running? was the token revoked?)");
    process.exit(1);
  });
  // Staff edited knowledge/: `kill -HUP <pid>` (or `docker kill -s HUP jspu-bot`) reloads it without a restart.
  process.on("SIGHUP", () => app.reloadKnowledge());
  let stopping = false;
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    // process.on, not once: a second Ctrl-C while stopping must not kill the bot before it has written everything.
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      logger.info({ signal }, "stopping");
      app.stop().then(
        () => process.exit(0),
        (error) => {
          logger.error({ err: error }, "unclean stop");
          process.exit(1);
        },
      );
    });
  }
}

void main();
