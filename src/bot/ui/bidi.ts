/**
 * A name a user chose (first name, @username), set apart from the staff text
 * around it: whatever it holds, a right-to-left override (U+202E) or a
 * right-to-left script, it cannot reorder the rest of the line. Unicode's
 * FIRST STRONG ISOLATE ... POP DIRECTIONAL ISOLATE; isolate marks inside the
 * name are dropped, so none can close ours early.
 */
export const isolate = (name: string): string => `\u2068${name.replace(/[\u2066-\u2069]/g, "")}\u2069`;
