import { expect, it } from "vitest";
import { detectSmallTalk } from "../../src/search/small-talk.js";

it.each([
  ["Salom", "greeting"],
  ["Assalomu alaykum!", "greeting"],
  ["Ассалому алайкум", "greeting"],
  ["Привет, бот", "greeting"],
  ["hi there", "greeting"],
  ["Rahmat", "thanks"],
  ["Раҳмат!", "thanks"],
  ["спасибо", "thanks"],
  ["Thank you!", "thanks"],
  ["sen kimsan?", "identity"],
  ["Кто ты?", "identity"],
  ["who are you", "identity"],
])("%s is %s", (text, kind) => {
  expect(detectSmallTalk(text)).toBe(kind);
});

it.each(["salom, erasmus haqida ayting", "hello, how to apply to KOICA", "rahmat, Koreya haqida yana", "erasmus", "", "🙂"])(
  "%s is a question, not small talk",
  (text) => {
    expect(detectSmallTalk(text)).toBeUndefined();
  },
);
