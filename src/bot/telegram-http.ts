/**
 * How the bot's API clients reach Telegram: Node's own http/https on
 * keep-alive connections, in the shape of fetch that grammY calls. grammY
 * only ever POSTs (a JSON string, or a multipart stream for uploads) and reads
 * the answer's JSON, whatever its status (core/client.ts), so this is all it
 * needs. Its default, node-fetch, wraps every request in WHATWG Request,
 * Headers and Body objects; on the bot's hot path that was a quarter of the
 * memory it allocated per update and most of its HTTP time. undici is faster
 * still, but loading it and compiling its WebAssembly parser adds about 20 MB
 * resident and 30 MB at the peak, past the bot's memory budget.
 */
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";
import { Readable } from "node:stream";
import type { ApiClientOptions } from "grammy";

/** grammY's `fetch` option (typed as node-fetch). */
export type TelegramFetch = NonNullable<ApiClientOptions["fetch"]>;
export type TelegramRequestInit = NonNullable<Parameters<TelegramFetch>[1]>;

/** The part of a response that grammY reads. */
interface TelegramResponse {
  ok: boolean;
  status: number;
  json(): Promise<unknown>;
}

const httpAgent = new HttpAgent({ keepAlive: true });
const httpsAgent = new HttpsAgent({ keepAlive: true });

export function requestTelegram(url: string, init: TelegramRequestInit = {}): Promise<TelegramResponse> {
  return new Promise((resolve, reject) => {
    const secure = url.startsWith("https:");
    const { body } = init;
    const headers: Record<string, string | number> = { ...(init.headers as Record<string, string> | undefined) };
    if (typeof body === "string") headers["content-length"] = Buffer.byteLength(body);
    const request = (secure ? httpsRequest : httpRequest)(
      url,
      // grammY's signal (its timeout, bot.stop()) aborts the request, and the reading of the answer.
      { method: init.method ?? "POST", headers, agent: secure ? httpsAgent : httpAgent, signal: init.signal as AbortSignal | undefined },
      (response) => {
        const status = response.statusCode ?? 0;
        resolve({ ok: status >= 200 && status < 300, status, json: () => readJson(response) });
      },
    );
    request.on("error", reject);
    if (typeof body === "string") request.end(body);
    else if (body instanceof Readable) {
      // A failing upload (a file that cannot be read) fails the request instead of leaving it half sent.
      body.once("error", (error) => request.destroy(error));
      // An aborted or failed request leaves the rest of the upload unread: close it (and its file).
      request.once("close", () => body.destroy());
      body.pipe(request);
    } else request.end();
  });
}

function readJson(response: IncomingMessage): Promise<unknown> {
  if (response.destroyed && !response.complete) return Promise.reject(new Error("Telegram's answer was cut off"));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    response.on("data", (chunk: Buffer) => chunks.push(chunk));
    response.once("error", reject);
    response.once("close", () => {
      if (!response.complete) reject(new Error("Telegram's answer was cut off"));
    });
    response.once("end", () => {
      try {
        resolve(JSON.parse((chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)).toString("utf8")));
      } catch (error) {
        reject(error);
      }
    });
  });
}
