// multipart/form-data bodies, as grammY (and curl, and browsers) upload files:
// text parts become parameters, file parts become UploadedFile values under
// their part name, which a parameter then names as "attach://<name>".
import { badRequest } from "./errors.js";
import type { Params } from "./params.js";

export class UploadedFile {
  constructor(
    readonly filename: string,
    readonly bytes: Buffer,
  ) {}
}

const CRLF = Buffer.from("\r\n");
const CLOSE = Buffer.from("--");
const malformed = () => badRequest("can't parse multipart/form-data request body");

function boundaryOf(contentType: string): string {
  const m = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const boundary = m?.[1] ?? m?.[2];
  if (!boundary) throw malformed();
  return boundary;
}

/** A header parameter (`name="x"` or grammY's unquoted `filename=x`); `;` before it keeps "name" from matching "filename". */
function headerParam(header: string, param: string): string | undefined {
  const m = new RegExp(`;\\s*${param}=(?:"([^"]*)"|([^;]*))`, "i").exec(header);
  return m ? (m[1] ?? m[2]!.trim()) : undefined;
}

export function parseMultipart(contentType: string, body: Buffer): Params {
  const boundary = boundaryOf(contentType);
  const delimiter = Buffer.from(`--${boundary}`);
  const between = Buffer.from(`\r\n--${boundary}`);
  const params: Params = {};
  let pos = body.indexOf(delimiter);
  if (pos < 0) throw malformed();
  pos += delimiter.length;
  while (!body.subarray(pos, pos + 2).equals(CLOSE)) {
    if (!body.subarray(pos, pos + 2).equals(CRLF)) throw malformed();
    const headersEnd = body.indexOf("\r\n\r\n", pos + 2);
    if (headersEnd < 0) throw malformed();
    const end = body.indexOf(between, headersEnd + 4);
    if (end < 0) throw malformed();
    const disposition = body
      .subarray(pos + 2, headersEnd)
      .toString("utf8")
      .split("\r\n")
      .find((line) => /^content-disposition\s*:\s*form-data/i.test(line));
    const name = disposition && headerParam(disposition, "name");
    if (!name) throw malformed();
    const content = body.subarray(headersEnd + 4, end);
    const filename = headerParam(disposition, "filename");
    params[name] = filename === undefined ? content.toString("utf8") : new UploadedFile(filename, Buffer.from(content));
    pos = end + between.length;
  }
  return params;
}
