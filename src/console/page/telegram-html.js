// The bot's messages (Telegram HTML) shown as Telegram shows them, built with DOM methods: only Telegram's
// formatting tags become elements, links only to web, Telegram, mail and phone addresses; everything else is text.

const ELEMENTS = new Set(["b", "i", "u", "s", "code", "pre", "a", "tg-spoiler"]);
const SAFE_LINK = /^(https?:|tg:|mailto:|tel:)/i;
const ENTITIES = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

const decode = (text) =>
  text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name) => {
    if (name[0] !== "#") return ENTITIES[name.toLowerCase()] ?? whole;
    const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });

/** A fragment with the message: text nodes and the allowed elements only. */
export function telegramHtml(html) {
  const root = document.createDocumentFragment();
  const open = [{ name: "", node: root }];
  const top = () => open[open.length - 1];
  const tag = /<(\/?)([a-z-]+)((?:\s+[a-z-]+\s*=\s*"[^"]*")*)\s*>/gi;
  let at = 0;
  for (const match of html.matchAll(tag)) {
    if (match.index > at) top().node.append(decode(html.slice(at, match.index)));
    at = match.index + match[0].length;
    const [whole, closing, rawName, attributes] = match;
    const name = rawName.toLowerCase();
    if (!ELEMENTS.has(name)) {
      top().node.append(whole);
      continue;
    }
    if (closing) {
      if (top().name === name) open.pop();
      continue;
    }
    const element = document.createElement(name);
    if (name === "a") {
      const href = decode(/\bhref\s*=\s*"([^"]*)"/i.exec(attributes)?.[1] ?? "");
      if (SAFE_LINK.test(href)) {
        element.href = href;
        element.target = "_blank";
        element.rel = "noopener noreferrer";
      }
    }
    top().node.append(element);
    open.push({ name, node: element });
  }
  if (at < html.length) top().node.append(decode(html.slice(at)));
  return root;
}
