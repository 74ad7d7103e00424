/**
 * The admin's form for a new service token: a name people recognise and at least one
 * scope. Validated on the server only.
 */
import { z } from "zod";
import { API_SCOPES } from "./scopes";

export const TOKEN_NAME_MAX = 80;

export const apiTokenFormSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("create"),
    name: z
      .string({ error: "Name the token, e.g. the system that will use it" })
      .trim()
      .min(1, "Name the token, e.g. the system that will use it")
      .max(TOKEN_NAME_MAX, `At most ${TOKEN_NAME_MAX} characters`),
    scopes: z
      .array(z.enum(API_SCOPES, { error: "Unknown scope" }), { error: "Choose at least one scope" })
      .min(1, "Choose at least one scope")
      .max(50, "Too many scopes")
      .transform((scopes) => [...new Set(scopes)]),
  }),
  z.object({ intent: z.literal("revoke"), tokenId: z.guid({ error: "Unknown token" }) }),
]);
