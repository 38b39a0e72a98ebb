/**
 * The console's page: the static files of src/console/page/ (HTML, one CSS,
 * ES modules), served under /console/. They are read once, at start, into
 * memory: only the files that are there can be asked for, so no path from a
 * request ever reaches the file system. `npm run build` copies the folder
 * beside the compiled code (dist/src/console/page/), which the Docker image
 * carries.
 */
import { readdirSync, readFileSync } from "node:fs";
import { extname, join } from "node:path";
import { fileURLToPath } from "node:url";

const PAGE_DIR = fileURLToPath(new URL("./page/", import.meta.url));

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".svg": "image/svg+xml",
};

export interface PageFile {
  contentType: string;
  body: Buffer;
}

/** The page's files by their path under /console/ ("" is index.html). */
export function loadPageFiles(dir = PAGE_DIR): Map<string, PageFile> {
  const files = new Map<string, PageFile>();
  for (const name of readdirSync(dir)) {
    const contentType = CONTENT_TYPES[extname(name)];
    if (contentType) files.set(name, { contentType, body: readFileSync(join(dir, name)) });
  }
  const index = files.get("index.html");
  if (!index) throw new Error(`the knowledge console's page is missing: no index.html in ${dir}`);
  files.set("", index);
  return files;
}
