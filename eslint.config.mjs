import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTypescript,
  { ignores: ["node_modules/**", ".next/**", "dist/**", "lib/generated/**", ".baton/**", "test-results/**", "playwright-report/**", "next-env.d.ts"] },
  {
    // Only lib/ talks to the database: pages, components and route handlers call domain functions.
    files: ["app/**", "components/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["@/lib/db", "@/lib/generated/*", "@prisma/client"], message: "Call a domain function in lib/ instead of the database." }] },
      ],
    },
  },
];

export default config;
