import pino, { type DestinationStream, type Logger } from "pino";
import { redactSecrets } from "./secrets.js";

export type { Logger };

/**
 * Structured JSON logs on stdout (or `destination`); `silent` for tests and the
 * playground. Every line is scrubbed of bot tokens as it is written, at every
 * level and in every field: messages, errors, their causes and stacks.
 */
export const createLogger = (level: string = "info", destination?: DestinationStream): Logger =>
  pino({ level, base: { service: "jspu-bot" }, hooks: { streamWrite: redactSecrets } }, destination);
