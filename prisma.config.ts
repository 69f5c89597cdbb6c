import { defineConfig } from "prisma/config";

// Only `prisma generate` reads this file: migrations run through scripts/db-migrate.ts (the wasm
// schema engine), and the app connects through a driver adapter built in lib/db.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost/baton" },
});
