import { defineConfig } from "prisma/config";

// Prisma 7 reads the connection from here, not from schema.prisma. `generate` does not
// connect, so a placeholder is fine when DATABASE_URL is unset.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: {
    url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/unused",
  },
});
