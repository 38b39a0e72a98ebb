/**
 * Greetings, thanks and "who are you" deserve a friendly word, not a search
 * miss. Recognised on the folded text, so every script and spelling works.
 */
import { words } from "./normalize.js";

export type SmallTalk = "greeting" | "thanks" | "identity";

const PHRASES: Record<SmallTalk, string[]> = {
  greeting: [
    "salom", "assalomu alaykum", "assalom", "assalomu aleykum", "hayrli kun", "xayrli kun",
    "привет", "здравствуйте", "здравствуй", "добрый день", "доброе утро", "добрый вечер",
    "hello", "hi", "hey", "good morning", "good afternoon", "good evening",
  ],
  thanks: ["rahmat", "raxmat", "katta rahmat", "tashakkur", "спасибо", "благодарю", "спс", "thanks", "thank you", "thx"],
  identity: [
    "sen kimsan", "siz kimsiz", "kimsan", "kimsiz", "bu qanday bot", "nima qila olasan",
    "кто ты", "кто вы", "ты кто", "вы кто", "что ты умеешь", "что это за бот",
    "who are you", "what are you", "what can you do",
  ],
};

const FOLDED = Object.entries(PHRASES).flatMap(([kind, phrases]) => phrases.map((p) => [words(p).join(" "), kind as SmallTalk] as const));
const LOOKUP = new Map(FOLDED);
/** Words that may trail a greeting without making it a question ("salom bot!", "hi there"). */
const FILLER = new Set(["bot", "there", "botik", "ака", "aka", "opa", "domla"].map((w) => words(w)[0]!));

/** Longer than any phrase above with a filler or two: a question, not worth folding twice (the search folds it too). */
const MAX_SMALL_TALK_LENGTH = 60;

/** The kind of small talk a whole message is, or undefined when it asks something. */
export function detectSmallTalk(text: string): SmallTalk | undefined {
  if (text.length > MAX_SMALL_TALK_LENGTH) return undefined;
  const folded = words(text).filter((w) => !FILLER.has(w));
  if (folded.length === 0 || folded.length > 4) return undefined;
  return LOOKUP.get(folded.join(" "));
}
