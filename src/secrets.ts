/**
 * The bot token must never leave the process: grammY's network errors quote
 * the request URL (`.../bot<token>/copyMessage`), and an error's text ends up
 * in logs and in the database. Every log line (logger.ts) and every error
 * text the storage keeps passes through redactSecrets.
 */

/** What a token looks like: the bot's id, a colon, the secret. config.ts accepts only tokens of this shape, so each one is redacted. */
export const BOT_TOKEN_SHAPE = /^\d{5,}:[A-Za-z0-9_-]{30,}$/;

/** Any token within a text, also URL-encoded (`%3A` for the colon). */
const TOKEN_IN_TEXT = /\d{5,}(?::|%3A)[A-Za-z0-9_-]{30,}/gi;

/** The webhook secret as grammY's errors carry it: in the payload of a failed setWebhook, logged as JSON. */
const WEBHOOK_SECRET_IN_JSON = /"secret_token":"[^"]*"/g;

/**
 * A knowledge console login link's token (src/console/links.ts), also URL-encoded: /console's answer is in the
 * payload of a failed sendMessage, and the link, unused, would let a reader of the log in as that staff member.
 */
const LOGIN_TOKEN_IN_TEXT = /(\/console\/login(?:\?|%3F)token(?:=|%3D))[\w-]+/gi;

export const REDACTED_TOKEN = "<bot token>";

/** The text with every bot token, console login token, and the webhook secret of a logged payload, replaced. */
export const redactSecrets = (text: string): string =>
  text
    .replace(TOKEN_IN_TEXT, REDACTED_TOKEN)
    .replace(LOGIN_TOKEN_IN_TEXT, "$1<login token>")
    .replace(WEBHOOK_SECRET_IN_JSON, '"secret_token":"<webhook secret>"');
