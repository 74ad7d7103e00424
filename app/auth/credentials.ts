import { z } from "zod";

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 256;

export const emailSchema = z
  .string({ error: "Email is required" })
  .trim()
  .toLowerCase()
  .max(254, "Email is too long")
  .email("Enter a valid email address");

/** 8–256 characters of anything, unicode included; counted as the user sees them. */
export const newPasswordSchema = z
  .string({ error: "Password is required" })
  .refine((value) => [...value].length >= PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters`)
  .refine((value) => [...value].length <= PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters`);

export const loginSchema = z.object({
  email: emailSchema,
  password: z.string({ error: "Password is required" }).max(1024, "Password is too long"),
  redirectTo: z.string().max(2000).optional(),
});
