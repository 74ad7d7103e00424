/**
 * The decision forms on the candidate page, validated on the server only (the page's
 * client bundle imports decision-fields.ts, never this module).
 *
 *   intent      accept | override | reopen
 *   basedOn     (accept, override) the ISO time the shown recommendation was computed
 *   level       (override) IC3–IC6, M1, M2 or no_hire
 *   reason      (override) the written reason, 10–2,000 characters after trimming
 *   decisionId  (reopen) the decision being reopened
 */
import { z } from "zod";
import { blankToUndefined } from "../rubrics/form-values";
import { DECISION_MESSAGES, OVERRIDE_CHOICES, REASON_MAX, REASON_MIN } from "./decision-fields";

const basedOn = z.preprocess(
  blankToUndefined,
  z.iso
    .datetime({ error: DECISION_MESSAGES.stale })
    .transform((value) => new Date(value)),
);

export const acceptDecisionSchema = z.object({
  intent: z.literal("accept"),
  basedOn,
});

export const overrideDecisionSchema = z.object({
  intent: z.literal("override"),
  basedOn,
  level: z.preprocess(blankToUndefined, z.enum(OVERRIDE_CHOICES, { error: "Choose a level, or no hire" })),
  reason: z.preprocess(
    blankToUndefined,
    z
      .string({ error: "Write the reason for the override" })
      .min(REASON_MIN, `Write at least ${REASON_MIN} characters`)
      .max(REASON_MAX, `Write at most ${REASON_MAX.toLocaleString("en-US")} characters`),
  ),
});

export const reopenDecisionSchema = z.object({
  intent: z.literal("reopen"),
  decisionId: z.guid({ error: DECISION_MESSAGES.reopened }),
});

export const DECISION_INTENTS = ["accept", "override", "reopen"] as const;
