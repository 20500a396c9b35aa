// ESLint for Kring: typescript-eslint with type information, the rules of hooks, and jsx-a11y.
// Formatting is Prettier's (npm run format); eslint-config-prettier turns off the rules it owns.
import js from "@eslint/js";
import prettier from "eslint-config-prettier";
import jsxA11y from "eslint-plugin-jsx-a11y";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: ["build/", "public/build/", "node_modules/", "data/", ".bench/", "tests/.artifacts/", ".cache/"],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node, ...globals.browser },
    },
    rules: {
      // unused names are the compiler's job (noUnusedLocals, noUnusedParameters)
      "@typescript-eslint/no-unused-vars": "off",
      // a loader's `throw redirect(…)` and `throw new Response(…)` are how Remix answers early
      "@typescript-eslint/only-throw-error": "off",
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
    },
  },
  {
    // the lowest layer: the app builds on the database, never the other way round
    files: ["db/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [{ group: ["**/app/**", "~/*"], message: "db/ imports nothing from app/ (docs/architecture.md)." }],
        },
      ],
    },
  },
  {
    // tests read JSON answers (typed any) and poke at them; the app itself may not
    files: ["tests/**/*.ts"],
    rules: {
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/no-unsafe-return": "off",
    },
  },
  {
    files: ["**/*.tsx"],
    ...jsxA11y.flatConfigs.recommended,
  },
  {
    files: ["app/**/*.tsx", "app/**/*.ts"],
    ...reactHooks.configs.flat["recommended-latest"],
  },
  {
    files: ["**/*.js", "**/*.cjs", "**/*.mjs"],
    ...tseslint.configs.disableTypeChecked,
  },
  prettier,
);
