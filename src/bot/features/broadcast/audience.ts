/** /broadcast, step 1: all subscribers, one language, or one topic (a program or a country, in pages), each with how many it reaches. */
import { InlineKeyboard } from "grammy";
import type { Message } from "grammy/types";
import { countryTopic, isTopic, programTopic, topicEntry } from "../../../broadcast/audience.js";
import type { Audience, Topic } from "../../../storage/subscriptions.js";
import { UI_LANGS } from "../../../storage/users.js";
import type { BotDeps } from "../../deps.js";
import { callback } from "../../ui/callback-data.js";
import { keyboardOf, rowsOf } from "../../ui/keyboard.js";
import { pageButtons, pageNumber, pageOf } from "../../ui/paging.js";
import { press, type Asking } from "./asking.js";

export async function chooseAudience(asking: Asking, { store, catalog }: Pick<BotDeps, "store" | "catalog">): Promise<Audience> {
  const { conversation, ctx, reader, cancelButton } = asking;
  const { t } = reader;
  const options = await conversation.external(() => {
    const count = (audience: Audience) => store.subscriptions.countAudience(audience);
    return { all: count({ topic: "all" }), langs: UI_LANGS.map((lang) => ({ lang, count: count({ topic: "all", lang }) })) };
  });
  const button = (label: string, value: string) => InlineKeyboard.text(label, callback.broadcastStep(value));
  /**
   * A page of the topics with their counts, read when shown: a large base
   * has thousands, too many to count at once or to keep in the flow's state.
   */
  const topicPage = async (requested: number) => {
    const page = await conversation.external(() => {
      const { items, index, pages } = pageOf(
        reader.kb.entries.filter((e) => e.type === "program" || e.type === "country"),
        requested,
      );
      const shown = items.map((e) => {
        const topic = e.type === "program" ? programTopic(e.id) : countryTopic(e.id);
        return { topic, title: e.title[reader.lang], count: store.subscriptions.countAudience({ topic }) };
      });
      return { items: shown, index, pages };
    });
    const buttons = page.items.map((o) => InlineKeyboard.text(`${o.title} (${o.count})`, callback.broadcastTopic(o.topic)));
    return {
      index: page.index,
      text: [t("bc-ask-topic"), ...pageNumber(t, page)].join("\n\n"),
      keyboard: keyboardOf(...rowsOf(buttons, 2), pageButtons(t, page, (n) => callback.broadcastTopicsPage(n)), [cancelButton]),
    };
  };
  /** A topic of a button, while its program or country is still in the base. */
  const topicInBase = (value: string) =>
    conversation.external(() => {
      const about = isTopic(value) ? topicEntry(value) : undefined;
      return about !== undefined && catalog.kb.byId.get(about.id)?.type === about.kind ? (value as Topic) : undefined;
    });
  await ctx.reply(t("bc-ask-audience"), {
    reply_markup: keyboardOf(
      [button(t("bc-audience-all-button", { count: options.all }), "all")],
      [button(t("bc-audience-by-language"), "by-lang"), button(t("bc-audience-by-topic"), "by-topic")],
      [cancelButton],
    ),
  });
  // The topics message and the page it shows: a page is turned by editing it, never to the page it shows already.
  let topics: { message: Message; index: number } | undefined;
  for (;;) {
    const choice = await press(asking, t("bc-use-buttons"));
    if (choice === "all") return { topic: "all" };
    if (choice === "by-lang") {
      const buttons = options.langs.map((o) => InlineKeyboard.text(`${t(`language-name-${o.lang}`)} (${o.count})`, callback.broadcastLanguage(o.lang)));
      await ctx.reply(t("bc-ask-language"), { reply_markup: keyboardOf(...rowsOf(buttons, 2), [cancelButton]) });
    } else if (choice === "by-topic") {
      const first = await topicPage(0);
      topics = { message: await ctx.reply(first.text, { reply_markup: first.keyboard }), index: first.index };
    }
    // The press's data again, read by the audience choices' own definitions.
    const data = callback.broadcastStep(choice);
    const turn = callback.broadcastTopicsPage.parse(data);
    if (turn && topics) {
      const page = await topicPage(turn.page);
      if (page.index !== topics.index) await ctx.api.editMessageText(topics.message.chat.id, topics.message.message_id, page.text, { reply_markup: page.keyboard });
      topics.index = page.index;
    }
    const lang = options.langs.find((o) => o.lang === callback.broadcastLanguage.parse(data)?.lang);
    if (lang) return { topic: "all", lang: lang.lang };
    const chosen = callback.broadcastTopic.parse(data);
    const topic = chosen ? await topicInBase(chosen.topic) : undefined;
    if (topic) return { topic };
  }
}
