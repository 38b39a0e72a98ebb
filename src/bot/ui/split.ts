/**
 * Telegram refuses messages over 4096 characters. Long answers are split at
 * paragraph boundaries (then lines, then words), never inside an HTML tag, as
 * long as each paragraph closes its own tags, which every renderer here does.
 */
export const MESSAGE_LIMIT = 4096;

export function splitMessage(html: string, limit = MESSAGE_LIMIT): string[] {
  if (html.length <= limit) return [html];
  const parts: string[] = [];
  let current = "";
  for (const piece of pieces(html, limit)) {
    const joined = current === "" ? piece.text : current + piece.separator + piece.text;
    if (joined.length <= limit) current = joined;
    else {
      if (current !== "") parts.push(current);
      current = piece.text;
    }
  }
  if (current !== "") parts.push(current);
  return parts;
}

interface Piece {
  text: string;
  /** What joined this piece to the previous one in the original. */
  separator: string;
}

/** Paragraphs, with any paragraph too long on its own broken at lines, then at spaces. */
function pieces(html: string, limit: number): Piece[] {
  const result: Piece[] = [];
  const split = (text: string, separators: string[], separator: string) => {
    if (text.length <= limit || separators.length === 0) {
      // A single word longer than the limit has to be cut.
      for (let i = 0; i < text.length; i += limit) result.push({ text: text.slice(i, i + limit), separator: i === 0 ? separator : "" });
      return;
    }
    const [next, ...rest] = separators as [string, ...string[]];
    text.split(next).forEach((part, i) => split(part, rest, i === 0 ? separator : next));
  };
  split(html, ["\n\n", "\n", " "], "");
  return result;
}
