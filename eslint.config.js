// ESLint for Groundwork's own code: typescript-eslint's recommended rules,
// type-aware where a type tells more than the syntax (promises left floating,
// type-only imports, `as` that narrows without a check).
import js from "@eslint/js";
import tseslint from "typescript-eslint";

const NODE_GLOBALS = Object.fromEntries(
  [
    "process",
    "console",
    "Buffer",
    "URL",
    "performance",
    "setTimeout",
    "clearTimeout",
    "setInterval",
    "clearInterval",
  ].map((name) => [name, "readonly"]),
);

export default tseslint.config(
  { ignores: ["dist/", "coverage/", "fixtures/", "node_modules/", "schema/"] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": "error",
      // `typeof import("./parse.js")` names the type of a module loaded on demand; an import would load it.
      "@typescript-eslint/consistent-type-imports": [
        "error",
        { fixStyle: "inline-type-imports", disallowTypeAnnotations: false },
      ],
      "@typescript-eslint/no-unsafe-type-assertion": "error",
      // An async function without `await` is kept async on purpose: what it throws reaches its callers as a rejection.
      "@typescript-eslint/require-await": "off",
      // An unused binding is the compiler's to report (noUnusedLocals); `_name` marks one kept on purpose.
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
    },
  },
  {
    // Tests read the CLI's JSON output and saved results with JSON.parse: the `as` names the shape the
    // assertions that follow check, field by field (a wrong shape fails them).
    files: ["test/**/*.ts"],
    rules: {
      "@typescript-eslint/no-unsafe-type-assertion": "off",
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-return": "off",
    },
  },
  {
    // The TypeScript shim is CommonJS on purpose (see its header): `require` is how it loads the compiler.
    files: ["lib/**"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: ["**/*.js", "**/*.cjs", "**/*.mjs"],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: { ...NODE_GLOBALS, require: "readonly", module: "writable", __dirname: "readonly" } },
  },
);
