// The HTTP side only: routes POST /bot<token>/<method>, reads JSON, form and
// multipart bodies, notices clients that hang up, writes JSON answers. What a
// method means (and which take files) is decided by the dispatcher.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { ApiError, badRequest } from "./errors.js";
import { parseMultipart } from "./multipart.js";
import type { Params } from "./params.js";

export interface ApiRequest {
  /** Undefined when the path is not /bot<token>/<method>. */
  token: string | undefined;
  method: string | undefined;
  path: string;
  /** Files of a multipart body are UploadedFile values. */
  params: Params;
  /** The body was multipart/form-data (file uploads). */
  multipart: boolean;
  /** Set when the body could not be read (bad JSON, broken multipart). */
  bodyError?: ApiError;
  /** Aborted when the client closes the connection before the answer. */
  signal: AbortSignal;
  /** Destroys the socket: the client sees a connection reset. */
  destroy(): void;
}

export interface ApiReply {
  status: number;
  body: unknown;
}

export type ApiRequestHandler = (req: ApiRequest) => Promise<ApiReply | undefined>;

const PATH = /^\/bot([^/]*)\/([^/]+)$/;

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const mediaType = (contentType: string) => contentType.split(";")[0]!.trim().toLowerCase();

function parseBody(contentType: string, body: Buffer): Params {
  const type = mediaType(contentType);
  if (type === "multipart/form-data") return parseMultipart(contentType, body);
  if (body.length === 0) return {};
  if (type === "application/x-www-form-urlencoded") return Object.fromEntries(new URLSearchParams(body.toString("utf8")));
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString("utf8"));
  } catch {
    throw badRequest("can't parse JSON encoded request body");
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw badRequest("can't parse JSON encoded request body: expected an object");
  }
  return parsed as Params;
}

async function onRequest(handler: ApiRequestHandler, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const controller = new AbortController();
  res.on("close", () => {
    if (!res.writableFinished) controller.abort();
  });
  const url = new URL(req.url ?? "/", "http://fake");
  const route = PATH.exec(url.pathname);
  const request: ApiRequest = {
    token: route?.[1],
    method: route?.[2],
    path: url.pathname,
    params: Object.fromEntries(url.searchParams),
    multipart: mediaType(req.headers["content-type"] ?? "") === "multipart/form-data",
    signal: controller.signal,
    destroy: () => req.socket.destroy(),
  };
  try {
    const body = await readBody(req);
    Object.assign(request.params, parseBody(req.headers["content-type"] ?? "", body));
  } catch (err) {
    request.bodyError = err instanceof ApiError ? err : badRequest("can't read request body");
  }
  const reply = await handler(request);
  if (!reply || res.destroyed) return;
  const json = JSON.stringify(reply.body);
  res.writeHead(reply.status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(json),
  });
  res.end(json);
}

export interface RunningServer {
  server: Server;
  port: number;
  close(): Promise<void>;
}

export async function listen(port: number, handler: ApiRequestHandler): Promise<RunningServer> {
  const server = createServer((req, res) => {
    onRequest(handler, req, res).catch((err: unknown) => {
      // A fake bug must be loud, not a hanging request.
      if (!res.headersSent) {
        res.writeHead(500, { "content-type": "application/json" });
        res.end(JSON.stringify({ ok: false, error_code: 500, description: `Internal Server Error: ${String(err)}` }));
      }
    });
  });
  // grammY keeps connections alive; a long idle timeout avoids the race
  // where the server drops a socket just as the client reuses it.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const actualPort = (server.address() as AddressInfo).port;
  return {
    server,
    port: actualPort,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
