import pino, { type Logger } from "pino";

export type { Logger };

/** Structured JSON logs on stdout; `silent` for tests and the playground. */
export const createLogger = (level: string = "info"): Logger => pino({ level, base: { service: "jspu-bot" } });
