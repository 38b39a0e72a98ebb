/** The start of a long text, cut at a character (not inside an emoji) and ended with "…". */
export function excerpt(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("")}…`;
}
