import { PrismaPg } from "@prisma/adapter-pg";
import { describe, expect, it } from "vitest";
import { Prisma, PrismaClient } from "~/generated/prisma/client";
import { isDatabaseUnavailable } from "./db.server";

const pgError = (code: string, message: string) => Object.assign(new Error(message), { code, severity: "FATAL" });
const adapterError = (cause: Record<string, unknown>) =>
  new Prisma.PrismaClientKnownRequestError("Raw query failed.", {
    code: "P2010",
    clientVersion: "7",
    meta: { driverAdapterError: { name: "DriverAdapterError", cause } },
  });

describe("isDatabaseUnavailable", () => {
  it("recognises what Prisma throws when nothing listens on the database's port", async () => {
    const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: "postgresql://nobody:x@127.0.0.1:1/none", connectionTimeoutMillis: 2_000 }) });
    try {
      const error = await db.user.count().catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(Prisma.PrismaClientKnownRequestError);
      expect(isDatabaseUnavailable(error)).toBe(true);
    } finally {
      await db.$disconnect();
    }
  });

  it.each([
    ["a shutdown ending the session (57P01)", adapterError({ kind: "postgres", code: "57P01", message: "terminating connection due to administrator command" })],
    ["a server starting up (57P03)", pgError("57P03", "the database system is starting up")],
    ["a lock timeout (55P03)", adapterError({ kind: "postgres", code: "55P03", message: "canceling statement due to lock timeout" })],
    ["a statement timeout (57014)", pgError("57014", "canceling statement due to statement timeout")],
    ["a connection exception (08006)", pgError("08006", "connection failure")],
    ["a refused connection, as the adapter reports it", adapterError({ kind: "DatabaseNotReachable", host: "db", port: 5432 })],
    ["a reset connection, as the adapter reports it", adapterError({ kind: "ConnectionClosed" })],
    ["a refused socket", Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED", syscall: "connect" })],
    ["a saturated pool (pg-pool)", new Error("timeout exceeded when trying to connect")],
    ["a dropped connection (pg)", new Error("Connection terminated unexpectedly")],
    ["Prisma's pool timeout (P2024)", new Prisma.PrismaClientKnownRequestError("Timed out fetching a new connection", { code: "P2024", clientVersion: "7" })],
    ["an error wrapped as a cause", new Error("loader failed", { cause: pgError("57P01", "terminating connection") })],
  ])("says yes to %s", (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ["a unique violation", new Prisma.PrismaClientKnownRequestError("Unique constraint failed", { code: "P2002", clientVersion: "7" })],
    ["a constraint error from the adapter", adapterError({ kind: "postgres", code: "23503", message: "violates foreign key constraint" })],
    ["a syntax error", pgError("42601", 'syntax error at or near "SELEC"')],
    ["a plain bug", new TypeError("Cannot read properties of undefined (reading 'id')")],
    ["nothing", undefined],
  ])("says no to %s", (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
