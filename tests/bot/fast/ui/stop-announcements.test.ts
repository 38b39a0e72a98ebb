/** ui/stop-announcements.ts: the button under every announcement delivered, in the recipient's language. */
import { describe, expect, it } from "vitest";
import { translatorFor } from "../../../../src/bot/locale.js";
import { stopAnnouncementsButton } from "../../../../src/bot/ui/stop-announcements.js";
import { createI18n } from "../../../../src/i18n.js";

describe("stopAnnouncementsButton", () => {
  it("stops every announcement, in the recipient's language", () => {
    const i18n = createI18n();
    expect(stopAnnouncementsButton(translatorFor(i18n, "en"))).toEqual({ text: "🔕 Stop announcements", callback_data: "subs:stop" });
    const cyrillic = stopAnnouncementsButton(translatorFor(i18n, "uz-cyrl"));
    expect(cyrillic.text).toMatch(/[\u0400-\u04FF]/);
    expect(cyrillic).toMatchObject({ callback_data: "subs:stop" });
  });
});
