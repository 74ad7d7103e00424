import type { Submission } from "@conform-to/react";
import { data } from "@remix-run/node";

/** Refusals the actions of both draft editing pages (rubric, leveling policy) answer with. */
export const DRAFT_MESSAGES = {
  conflict:
    "Another admin changed this draft since you opened it. Nothing was saved: reload the page to see their version, then make your changes again.",
  gone: "This draft was published or discarded by another admin meanwhile. Nothing was saved: reload the page.",
  badRequest: "That request could not be understood. Reload the page and try again.",
} as const;

/** A refused start, publish or discard: the page shows the message above everything. */
export type DraftMessage = { kind: "message"; intent: string; message: string };

export function draftMessage(intent: string, text: string, status: number) {
  return data<DraftMessage>({ kind: "message", intent, message: text }, { status });
}

/**
 * A save refused as a whole, before or instead of writing: a malformed draft reference
 * (400), or a draft another admin changed, published or discarded meanwhile (409). The
 * editor keeps the admin's input and shows the message above the form.
 */
export function refuseDraftSave(submission: Pick<Submission<unknown>, "reply">, reason: keyof typeof DRAFT_MESSAGES) {
  return data(submission.reply({ formErrors: [DRAFT_MESSAGES[reason]] }), { status: reason === "badRequest" ? 400 : 409 });
}
