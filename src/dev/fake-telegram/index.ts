// A fake Telegram Bot API server for tests, the terminal playground and the
// benchmarks (there is no internet). Usage:
//
//   const fake = await FakeTelegram.start();
//   const bot = new Bot(fake.token, { client: { apiRoot: fake.apiRoot }, botInfo: fake.botInfo });
//   void bot.start();
//   const user = fake.user();
//   const reply = await user.send("/start");     // the bot's next message in that chat
//   await user.press(reply, "Next");              // a callback_query, resolves with the edit
//   expect(fake.rejected()).toEqual([]);           // nothing Telegram would have refused
//   await bot.stop(); await fake.stop();           // bot first, then the fake
export { FakeTelegram, DEFAULT_TOKEN, botInfo } from "./fake-telegram.js";
export { FakeUser } from "./fake-user.js";
export { FakeGroup } from "./fake-group.js";
export { TELEGRAM_RATE_LIMITS } from "./rate-limit.js";
export type {
  AlbumItem,
  ApiCall,
  CallbackAnswer,
  CallCount,
  FakeButton,
  FakeGroupInit,
  FakeMessage,
  FakeUserInit,
  FaultRule,
  GroupPost,
  GroupRateLimit,
  MediaOptions,
  MessageKind,
  PressOptions,
  RateLimit,
  RateLimits,
  RateLimitStats,
  SentRef,
  SharedUserInit,
  StartOptions,
  WaitOptions,
} from "./types.js";
