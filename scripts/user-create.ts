// `npm run user:create -- --email a@b.c --name "Ana" --role ADMIN [--role RECRUITER]`
// Creates an account (the first admin, typically). The password is read from the
// USER_PASSWORD variable or from standard input, never from the command line (shell history).
import { parseArgs } from "node:util";
import { z } from "zod";
import { emailSchema, newPasswordSchema } from "~/auth/credentials";
import { Role } from "~/generated/prisma/enums";
import { createUser } from "~/models/user.server";
import { withAppDatabase } from "./lib/with-database";

const argsSchema = z.object({
  email: emailSchema,
  name: z.string().trim().min(1, "is required").max(120),
  role: z.array(z.enum(Object.values(Role))).min(1, "give at least one --role (INTERVIEWER, RECRUITER, ADMIN)"),
  password: newPasswordSchema,
});

async function readPassword(): Promise<string> {
  if (process.env.USER_PASSWORD) return process.env.USER_PASSWORD;
  if (process.stdin.isTTY) process.stderr.write("Password (8–256 characters): ");
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8").replace(/\r?\n$/, "");
}

const { values } = parseArgs({
  options: { email: { type: "string" }, name: { type: "string" }, role: { type: "string", multiple: true } },
});
const parsed = argsSchema.safeParse({ ...values, role: values.role?.map((r) => r.toUpperCase()) ?? [], password: await readPassword() });
if (!parsed.success) {
  const issue = parsed.error.issues[0]!;
  console.error(`invalid ${issue.path.join(".") || "input"}: ${issue.message}`);
  process.exit(2);
}
const { email, name, role, password } = parsed.data;
await withAppDatabase("user:create", async (db) => {
  if (await db.user.findUnique({ where: { email }, select: { id: true } })) {
    throw new Error(`a user with email ${email} already exists`);
  }
  const user = await createUser({ email, name, password, roles: role }, { id: null });
  console.log(`Created ${user.email} (${role.join(", ")}), id ${user.id}`);
});
