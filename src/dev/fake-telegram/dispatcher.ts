// Turns an HTTP request into a method call: checks token and method, applies
// injected faults, runs the handler, records the call. The one place that
// knows the {ok, result | error_code, description} envelope.
import { ApiError, badRequest, defaultFaultDescription, methodNotFound, notFound, unauthorized } from "./errors.js";
import type { Faults } from "./faults.js";
import type { ApiReply, ApiRequest } from "./http-server.js";
import { commandMethods } from "./methods/commands.js";
import { copyMethods } from "./methods/copy.js";
import type { Handler } from "./methods/handler.js";
import { mediaMethods, UPLOAD_METHODS } from "./methods/media.js";
import { menuButtonMethods } from "./methods/menu-button.js";
import { messageMethods } from "./methods/messages.js";
import { queryMethods } from "./methods/queries.js";
import { updateMethods } from "./methods/updates.js";
import type { RateLimiter } from "./rate-limit.js";
import type { ApiCall } from "./types.js";
import type { World } from "./world.js";

const TOKEN_SHAPE = /^\d+:[A-Za-z0-9_-]+$/;

/** Method names are case-insensitive in the Bot API. */
const METHODS = new Map<string, Handler>(
  Object.entries({ ...updateMethods, ...messageMethods, ...mediaMethods, ...copyMethods, ...queryMethods, ...commandMethods, ...menuButtonMethods }).map(([name, h]) => [
    name.toLowerCase(),
    h,
  ]),
);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function errorReply(err: ApiError): ApiReply {
  return {
    status: err.code,
    body: {
      ok: false,
      error_code: err.code,
      description: err.description,
      ...(err.parameters ? { parameters: err.parameters } : {}),
    },
  };
}

function chatIdOf(params: Record<string, unknown>): number | undefined {
  const raw = params.chat_id;
  if (typeof raw === "number") return raw;
  if (typeof raw === "string" && /^-?\d+$/.test(raw)) return Number(raw);
  return undefined;
}

export class Dispatcher {
  constructor(
    private readonly world: World,
    private readonly token: string,
    private readonly faults: Faults,
    private readonly limiter: RateLimiter,
    private readonly record: (call: ApiCall) => void,
  ) {}

  readonly handle = async (req: ApiRequest): Promise<ApiReply | undefined> => {
    const at = performance.now();
    const method = req.method ?? req.path;
    const done = (reply: ApiReply | undefined, extra: Partial<ApiCall> = {}): ApiReply | undefined => {
      const call: ApiCall = { method, params: req.params, ok: reply?.status === 200, at, ...extra };
      if (reply && reply.status !== 200) {
        const body = reply.body as { error_code: number; description: string };
        call.errorCode = body.error_code;
        call.description = body.description;
      }
      if (req.signal.aborted) {
        call.ok = false;
        call.aborted = true;
        call.description ??= "aborted by the client";
      }
      this.record(call);
      return reply;
    };

    if (req.token === undefined || req.method === undefined) return done(errorReply(notFound()));
    if (req.token !== this.token) return done(errorReply(TOKEN_SHAPE.test(req.token) ? unauthorized() : notFound()));
    // Body problems first: "file uploads are not supported" says more than "method not found".
    if (req.bodyError) return done(errorReply(req.bodyError));
    if (req.multipart && !UPLOAD_METHODS.has(req.method.toLowerCase())) {
      return done(errorReply(badRequest("file uploads are not supported by the fake")));
    }
    const handler = METHODS.get(req.method.toLowerCase());
    if (!handler) return done(errorReply(methodNotFound()));

    const fault = this.faults.match(req.method, chatIdOf(req.params));
    if (fault) {
      if (fault.delayMs) await sleep(fault.delayMs);
      if (fault.reset) {
        req.destroy();
        return done(undefined, { description: "connection reset (injected fault)", injected: true });
      }
      // retryAfter alone means a flood wait; a description alone a 400.
      const code =
        fault.errorCode ?? (fault.retryAfter !== undefined ? 429 : fault.description !== undefined ? 400 : undefined);
      if (code !== undefined) {
        const retryAfter = fault.retryAfter ?? (code === 429 ? 1 : undefined);
        const description = fault.description ?? defaultFaultDescription(code, retryAfter ?? 1);
        const parameters = retryAfter !== undefined ? { retry_after: retryAfter } : undefined;
        return done(errorReply(new ApiError(code, description, parameters)), { injected: true });
      }
    }

    // After faults (an injected failure never reached Telegram's limiter), before any effect.
    const flood = this.limiter.take(req.method, chatIdOf(req.params));
    if (flood) return done(errorReply(flood));

    try {
      const result = await handler(this.world, req.params, { signal: req.signal });
      return done({ status: 200, body: { ok: true, result } }, { result });
    } catch (err) {
      if (err instanceof ApiError) return done(errorReply(err));
      // A bug in the fake: answer 500 with the reason rather than hang.
      const description = `Internal Server Error: fake-telegram failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}`;
      return done(errorReply(new ApiError(500, description)));
    }
  };
}
