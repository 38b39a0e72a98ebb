// URL checks shared by buttons, text links and webhooks. Telegram refuses
// links it cannot open; accepting them here would hide bugs until production.

export type LinkProblem = "Wrong HTTP URL" | "Unsupported URL protocol" | "URL host is empty";

const SCHEME = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\//;
const DOMAIN = /^(?:[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?\.)+[a-z][a-z0-9-]*\.?$/i;
const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;

/**
 * Checks a link like Telegram's link checker: http(s) (scheme optional, then
 * http is assumed) with a real-looking host; tg:// too when `allowTg`.
 * Returns the normalized link, or the reason it is refused.
 */
export function checkLink(url: string, allowTg: boolean): { ok: true; url: string } | { ok: false; problem: LinkProblem } {
  if (url.trim() === "") return { ok: false, problem: "URL host is empty" };
  const m = SCHEME.exec(url);
  const scheme = m ? m[1]!.toLowerCase() : "http";
  if (scheme === "tg") {
    if (!allowTg) return { ok: false, problem: "Unsupported URL protocol" };
    return url.length > "tg://".length ? { ok: true, url } : { ok: false, problem: "Wrong HTTP URL" };
  }
  if (scheme !== "http" && scheme !== "https") return { ok: false, problem: "Unsupported URL protocol" };
  const full = m ? url : `http://${url}`;
  let parsed: URL;
  try {
    parsed = new URL(full);
  } catch {
    return { ok: false, problem: "Wrong HTTP URL" };
  }
  const host = parsed.hostname;
  if (host === "") return { ok: false, problem: "URL host is empty" };
  if (IPV4.test(host) || host.startsWith("[")) return { ok: true, url: full };
  if (!DOMAIN.test(host)) return { ok: false, problem: "Wrong HTTP URL" };
  return { ok: true, url: full };
}

/** Addresses Telegram will not deliver webhooks to. */
export function isReservedHost(host: string): boolean {
  const h = host.toLowerCase();
  if (h === "localhost" || h.endsWith(".localhost") || h === "[::1]") return true;
  if (!IPV4.test(h)) return false;
  const [a, b] = h.split(".").map(Number) as [number, number];
  return (
    a === 0 || a === 10 || a === 127 || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)
  );
}
