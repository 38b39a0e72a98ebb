/** Characters that show nothing, pasted inside words (zero-width spaces, soft hyphens, bidi controls), do not mislead search. */
import { expect, it } from "vitest";
import { withBot } from "./harness.js";

const OWNER = 9001;
const h = withBot({ ADMIN_IDS: [OWNER] });

it("e<zero-width space>ras<zero-width space>mus gets the Erasmus card, in a message and inline", async () => {
  const student = h.fake.user({ languageCode: "en" });
  expect((await student.send("e\u200Bras\u200Bmus")).text.startsWith("Erasmus Mundus")).toBe(true);
  const results = (await student.inline("e\u200Bras\u200Bmus")) as { id: string }[];
  expect(results[0]?.id).toBe("erasmus-mundus");
});

it("ko<soft hyphen>ica and ko<right-to-left mark>ica get the KOICA card", async () => {
  const student = h.fake.user({ languageCode: "en" });
  expect((await student.send("ko\u00ADica")).text.startsWith("KOICA")).toBe(true);
  expect((await student.send("ko\u200Fica")).text.startsWith("KOICA")).toBe(true);
});

it("an unanswered question with them is logged as the same question, written without them", async () => {
  const student = h.fake.user({ languageCode: "uz" });
  await student.send("yozgi maktab");
  // The latest wording is the one shown.
  await student.send("yoz\u200Bgi mak\u00ADtab");
  const staff = h.fake.user({ id: OWNER, languageCode: "en" });
  const list = await staff.send("/unanswered");
  expect(list.text.split("\n").slice(1)).toEqual(["1. yozgi maktab — 2×"]);
  // One wording: the alias staff would teach from it is the visible text.
  expect((await staff.press(list, "1. yozgi maktab (2)")).text).toContain("yozgi maktab — asked 2×.\n\nWhich entry should answer it?");
});
