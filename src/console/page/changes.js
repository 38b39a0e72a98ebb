// What one publish changed in an entry, as a methodist reads it: field by field with the editor's labels,
// list items added or removed as a whole ("Deadlines: added 1 March 2027 — Applications open"), a changed
// item's fields one by one ("Deadlines › 1 › Date: 1 March 2027 → 15 March 2027").
import { fieldLabel, formatDay, language, t } from "./labels.js";

const TEXT_LANGS = ["uz", "ru", "en", "uz-cyrl"];
const isObject = (value) => value !== null && typeof value === "object" && !Array.isArray(value);
const isText = (value) => isObject(value) && Object.keys(value).length > 0 && Object.keys(value).every((key) => TEXT_LANGS.includes(key));
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

/** A label for a path in the entry (["program", "deadlines", "items", 0, "date"] reads "Deadlines › 1 › Date"). */
export function labelOfPath(parts) {
  return parts
    .filter((part) => part !== "program" && part !== "items")
    .map((part) => (typeof part === "number" || /^\d+$/.test(part) ? String(Number(part) + 1) : TEXT_LANGS.includes(part) ? t(`lang-${part}`) : fieldLabel(part)))
    .join(" › ");
}

/** A date of the file (2027-03-01) as people write it in the page's language; anything else as it is. */
export function readableValue(value) {
  if (typeof value === "boolean") return value ? t("yes") : t("no");
  if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDay(value);
  return value === undefined || value === null || value === "" ? t("empty") : String(value);
}

/** A value as the form shows it: a certificate, scale or role by its name, not its code in the file. */
const NAMED = { exam: "exam-", scale: "scale-", roles: "role-" };
function shown(value, key) {
  if (NAMED[key] && (typeof value === "string" || typeof value === "number")) return t(`${NAMED[key]}${value}`);
  return readableValue(value);
}

/** A whole item or group in one line: its date, then its text in the page's language (a document's id left out). */
function summaryOf(value, key) {
  if (Array.isArray(value)) return value.map((item) => summaryOf(item, key)).filter(Boolean).join("; ");
  if (isText(value)) return value[language()] || value.en || Object.values(value).find(Boolean) || "";
  if (isObject(value)) {
    const keys = Object.keys(value).filter((key) => key !== "to_confirm" && !(key === "id" && Object.keys(value).length > 1));
    keys.sort((a, b) => (b === "date") - (a === "date"));
    return keys.map((inner) => summaryOf(value[inner], inner)).filter(Boolean).join(" — ");
  }
  return value === undefined || value === null || value === "" ? "" : shown(value, key);
}

/** Pairs of list items that stayed the same (a longest common subsequence), so an item added at the top is one change. */
function commonItems(a, b) {
  const keyA = a.map((x) => JSON.stringify(x));
  const keyB = b.map((x) => JSON.stringify(x));
  const n = a.length;
  const m = b.length;
  const table = Array.from({ length: n + 1 }, () => new Array(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) table[i][j] = keyA[i] === keyB[j] ? table[i + 1][j + 1] + 1 : Math.max(table[i + 1][j], table[i][j + 1]);
  const pairs = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (keyA[i] === keyB[j]) pairs.push([i++, j++]);
    else if (table[i + 1][j] >= table[i][j + 1]) i++;
    else j++;
  }
  return pairs;
}

/**
 * The changes from `before` to `after` (entries as in their files):
 * [{label, kind: "added" | "removed" | "changed", text?, from?, to?}].
 */
export function changesBetween(before, after) {
  const out = [];
  walk(before ?? {}, after ?? {}, [], out);
  return out;
}

function walk(a, b, path, out) {
  if (same(a, b)) return;
  if (Array.isArray(a) && Array.isArray(b)) return walkList(a, b, path, out);
  if (isObject(a) && isObject(b)) {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) walk(a[key], b[key], [...path, key], out);
    return;
  }
  const label = labelOfPath(path);
  const key = path.at(-1);
  const empty = (value) => value === undefined || value === null || (Array.isArray(value) && value.length === 0);
  if (empty(a) && !isObject(b) && !Array.isArray(b)) out.push({ label, kind: "changed", from: readableValue(undefined), to: shown(b, key) });
  else if (empty(a)) out.push({ label, kind: "added", text: summaryOf(b, key) });
  else if (empty(b) && (isObject(a) || Array.isArray(a))) out.push({ label, kind: "removed", text: summaryOf(a, key) });
  else if (isObject(a) || isObject(b) || Array.isArray(a) || Array.isArray(b)) out.push({ label, kind: "changed", from: summaryOf(a, key), to: summaryOf(b, key) });
  else out.push({ label, kind: "changed", from: shown(a, key), to: shown(b, key) });
}

/** A list: the items kept, and between them those removed, added, or (one for one in the same place) changed. */
function walkList(a, b, path, out) {
  const label = labelOfPath(path);
  const key = path.at(-1);
  const anchors = [...commonItems(a, b), [a.length, b.length]];
  let i = 0;
  let j = 0;
  for (const [nextI, nextJ] of anchors) {
    const removed = a.slice(i, nextI);
    const added = b.slice(j, nextJ);
    // An item edited in place (most of its fields kept) is one change of its fields; any other is removed or added
    // whole, as are names in a list (roles, links, countries).
    const partner = pairs(removed, added);
    removed.forEach((item, k) => {
      if (!partner.has(k)) out.push({ label, kind: "removed", text: summaryOf(item, key) });
    });
    const pairedAdded = new Map([...partner].map(([r, a]) => [a, r]));
    added.forEach((item, k) => {
      if (pairedAdded.has(k)) walk(removed[pairedAdded.get(k)], item, [...path, j + k], out);
      else out.push({ label, kind: "added", text: summaryOf(item, key) });
    });
    i = nextI + 1;
    j = nextJ + 1;
  }
}

/** Every leaf of a value with its path: {"date": "2027-03-01", "note.en": "..."}. */
function leaves(value, path = "", out = new Map()) {
  if (isObject(value) || Array.isArray(value)) for (const [key, inner] of Object.entries(value)) leaves(inner, path ? `${path}.${key}` : key, out);
  else out.set(path, value);
  return out;
}

/** Removed and added items that are one item edited: most of their fields the same. Map of removed index to added index. */
function pairs(removed, added) {
  const candidates = [];
  removed.forEach((a, r) => {
    if (!isObject(a)) return;
    const left = leaves(a);
    added.forEach((b, k) => {
      if (!isObject(b)) return;
      const right = leaves(b);
      const kept = [...left].filter(([path, value]) => right.get(path) === value).length;
      const share = kept / Math.max(left.size, right.size);
      if (share >= 0.5) candidates.push({ r, k, share });
    });
  });
  candidates.sort((x, y) => y.share - x.share || x.r - y.r);
  const partner = new Map();
  const taken = new Set();
  for (const { r, k } of candidates) {
    if (partner.has(r) || taken.has(k)) continue;
    partner.set(r, k);
    taken.add(k);
  }
  return partner;
}
