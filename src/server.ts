/**
 * The bot's HTTP server: GET /healthz for Docker and monitoring, in
 * webhook mode the webhook path, which refuses requests without Telegram's
 * secret token (401) before they reach the bot, and with PUBLIC_URL the
 * knowledge console under /console (src/console/).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { webhookCallback, type Bot } from "grammy";
import type { BotContext } from "./bot/context.js";

export interface ServerOptions {
  /** Whether the bot is up; /healthz answers 503 otherwise. */
  healthy: () => boolean;
  webhook?: { bot: Bot<BotContext>; path: string; secretToken: string };
  /** The knowledge console: every request under /console. */
  console?: (req: IncomingMessage, res: ServerResponse) => void;
}

export function createHttpServer({ healthy, webhook, console }: ServerOptions): Server {
  const handleUpdate = webhook && webhookCallback(webhook.bot, "http", { secretToken: webhook.secretToken, onTimeout: "throw" });
  return createServer((req, res) => {
    // A request target that is no URL ("//[") would throw here, outside any handler, and stop the bot.
    if (!URL.canParse(req.url ?? "/", "http://localhost")) return void res.writeHead(400).end();
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    if (req.method === "GET" && path === "/healthz") {
      const ok = healthy();
      res.writeHead(ok ? 200 : 503, { "content-type": "application/json" }).end(JSON.stringify({ ok }));
      return;
    }
    if (handleUpdate && req.method === "POST" && path === webhook.path) {
      // A handler slower than grammY's timeout answers 500: Telegram sends the update
      // again, and the handled-updates record makes sure it is handled once.
      handleUpdate(req, res).catch(() => {
        if (!res.headersSent) res.writeHead(500).end();
      });
      return;
    }
    if (console && (path === "/console" || path.startsWith("/console/"))) {
      console(req, res);
      return;
    }
    res.writeHead(404).end();
  });
}
