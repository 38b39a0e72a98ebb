// A small rule set, each rule for a bug we have had or would not notice in review:
// code nobody uses, promises nobody awaits or catches, and imports that are only types said so.
import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/", "node_modules/", "bench/bare-bot.mjs"] },
  js.configs.recommended,
  tseslint.configs.eslintRecommended,
  // The knowledge console's page runs in the browser.
  { files: ["src/console/page/**/*.js"], languageOptions: { globals: globals.browser } },
  {
    files: ["**/*.ts"],
    languageOptions: { parser: tseslint.parser, parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { "@typescript-eslint": tseslint.plugin },
    rules: {
      "no-unused-vars": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
      "@typescript-eslint/no-unused-expressions": "error",
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: false }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports", disallowTypeAnnotations: false }],
      // Deliberate here: invisible and control characters are stripped by pattern, and tests match aligned columns.
      "no-control-regex": "off",
      "no-regex-spaces": "off",
    },
  },
);
