// Errors the fake answers with. Descriptions copy Telegram's wording, because
// bots (and their tests) branch on them, e.g. "message is not modified".

export interface ResponseParameters {
  retry_after?: number;
  migrate_to_chat_id?: number;
}

/** Thrown by method handlers; the HTTP layer turns it into {ok:false,...}. */
export class ApiError extends Error {
  constructor(
    readonly code: number,
    readonly description: string,
    readonly parameters?: ResponseParameters,
  ) {
    super(description);
    this.name = "ApiError";
  }
}

export const badRequest = (reason: string): ApiError => new ApiError(400, `Bad Request: ${reason}`);
export const forbidden = (reason: string): ApiError => new ApiError(403, `Forbidden: ${reason}`);
export const conflict = (reason: string): ApiError => new ApiError(409, `Conflict: ${reason}`);

export const unauthorized = (): ApiError => new ApiError(401, "Unauthorized");
export const notFound = (): ApiError => new ApiError(404, "Not Found");
export const methodNotFound = (): ApiError => new ApiError(404, "Not Found: method not found");

/** Telegram's own texts, shared by several methods. */
export const Errors = {
  chatIdEmpty: () => badRequest("chat_id is empty"),
  chatNotFound: () => badRequest("chat not found"),
  blocked: () => forbidden("bot was blocked by the user"),
  cantInitiate: () => forbidden("bot can't initiate conversation with a user"),
  textEmpty: () => badRequest("message text is empty"),
  textMustBeNonEmpty: () => badRequest("text must be non-empty"),
  textTooLong: () => badRequest("message is too long"),
  captionTooLong: () => badRequest("message caption is too long"),
  queryTooOld: () => badRequest("query is too old and response timeout expired or query ID is invalid"),
  notModified: () =>
    badRequest(
      "message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message",
    ),
  required: (name: string) => badRequest(`parameter "${name}" is required`),
  fieldType: (name: string, type: string) => badRequest(`field "${name}" must be of type ${type}`),
  cantParseEntities: (reason: string) => badRequest(`can't parse entities: ${reason}`),
} as const;

/** The usual description for an injected fault with only an error code. */
export function defaultFaultDescription(code: number, retryAfter: number): string {
  switch (code) {
    case 400:
      return "Bad Request: injected fault";
    case 403:
      return "Forbidden: bot was blocked by the user";
    case 429:
      return `Too Many Requests: retry after ${retryAfter}`;
    case 500:
      return "Internal Server Error";
    case 502:
      return "Bad Gateway";
    case 503:
      return "Service Unavailable";
    case 504:
      return "Gateway Timeout";
    default:
      return `Injected fault ${code}`;
  }
}
