import type { EntryType } from "./schema.js";

/** Entry ids that the bot's features and checks look up: they must always exist. */
export const CONTRACT: Record<EntryType, readonly string[]> = {
  program: ["erasmus-mundus", "koica", "bspu-2plus2", "bspu-3plus1", "china-internship", "british-council", "india-itec", "undp"],
  topic: ["staff-development", "exchange-programs", "visiting-faculty", "joint-research", "about-department"],
  country: ["south-korea", "united-kingdom", "france", "russia", "belarus", "turkey", "azerbaijan", "kazakhstan", "india", "china"],
  contact: ["international-department"],
};

/** The contact card every "whom to call" leads to. */
export const DEPARTMENT_CONTACT = "international-department";
