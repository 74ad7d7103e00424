/**
 * The admin's form for a webhook endpoint. http(s) only, no credentials in the URL (they
 * would show in the admin list and logs: the signature authenticates us to the receiver).
 */
import { z } from "zod";
import { WEBHOOK_EVENTS } from "./events";

export const WEBHOOK_URL_MAX = 2000;

const url = z
  .string({ error: "Enter the receiver's URL" })
  .trim()
  .min(1, "Enter the receiver's URL")
  .max(WEBHOOK_URL_MAX, `At most ${WEBHOOK_URL_MAX} characters`)
  .refine((value) => {
    try {
      const parsed = new URL(value);
      return (parsed.protocol === "https:" || parsed.protocol === "http:") && !parsed.username && !parsed.password && parsed.hostname !== "";
    } catch {
      return false;
    }
  }, "Enter an http:// or https:// URL without a user name or password");

export const webhookFormSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("create"),
    url,
    events: z
      .array(z.enum(WEBHOOK_EVENTS, { error: "Unknown event" }), { error: "Choose at least one event" })
      .min(1, "Choose at least one event")
      .max(20, "Too many events")
      .transform((events) => [...new Set(events)]),
  }),
  z.object({ intent: z.enum(["disable", "enable"]), endpointId: z.guid({ error: "Unknown endpoint" }) }),
  z.object({ intent: z.literal("redeliver"), deliveryId: z.guid({ error: "Unknown delivery" }) }),
]);
