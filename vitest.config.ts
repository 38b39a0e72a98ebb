import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    testTimeout: 20_000,
    // The end-to-end tests mostly wait, at Telegram's per-chat pace, not on the CPU: four files at once on two cores.
    maxWorkers: 4,
  },
});
