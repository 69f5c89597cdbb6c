import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

// Only lib/ talks to the database: pages, components and route handlers call domain functions.
const databaseOnlyInLib = { group: ["@/lib/db", "@/lib/generated/*", "@prisma/client"], message: "Call a domain function in lib/ instead of the database." };

const config = [
  ...nextVitals,
  ...nextTypescript,
  { ignores: ["node_modules/**", ".next/**", "dist/**", "lib/generated/**", ".baton/**", "test-results/**", "playwright-report/**", "next-env.d.ts"] },
  {
    files: ["app/**", "components/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [databaseOnlyInLib] }] },
  },
  {
    // A cycle in lib/ means a shared piece lives inside one of the domains that use it: move it down (to
    // lib/kernel/ when it imports no domain) instead of silencing the rule. Type-only imports are not counted
    // (they vanish at runtime). `maxDepth` bounds the walk so the lint stays fast; no chain in lib/ is that deep.
    files: ["lib/**"],
    // Never parse node_modules for the cycle walk: a package cannot import lib/, and some (pglite's bundle) overflow the parser.
    settings: { "import/ignore": ["node_modules"] },
    rules: { "import/no-cycle": ["error", { ignoreExternal: true, maxDepth: 12 }] },
  },
  {
    // The kernel sits below every domain: ids, clock, errors, shared schemas and formats import nothing of lib/ but each other and the generated enums.
    files: ["lib/kernel/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/lib/*", "!@/lib/kernel", "!@/lib/generated"],
              message: "lib/kernel/ imports no domain: move the shared piece into the kernel, or keep this code in the domain.",
            },
            { group: ["../*"], message: "lib/kernel/ imports no domain: import kernel modules as ./name." },
            { group: ["@/components/*", "@/app/*"], message: "lib/kernel/ imports no UI." },
          ],
        },
      ],
    },
  },
  {
    // Primitives and shared UI helpers serve every feature, so they may not depend on any one of them.
    files: ["components/ui/**", "components/shared/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            databaseOnlyInLib,
            {
              group: ["@/components/*", "!@/components/ui", "!@/components/shared"],
              message: "components/ui and components/shared import no feature component: move the shared piece here instead.",
            },
            { group: ["../*", "!../ui", "!../shared"], message: "components/ui and components/shared import no feature component." },
          ],
        },
      ],
    },
  },
];

export default config;
