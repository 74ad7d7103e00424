/**
 * Webhook events: what the firm's other systems can subscribe to, the JSON each one sends
 * (Standard Webhooks' recommended envelope: type, timestamp, data), and when a failed
 * delivery is tried again. Payloads carry ids and outcomes, never scores or evidence: a
 * receiver that wants more reads it through the API with a token's scopes.
 */
import type { Level } from "../levels";
import type { RecommendationStatus } from "../leveling/types";

export const WEBHOOK_EVENTS = ["candidate.created", "scorecard.submitted", "recommendation.changed", "decision.recorded"] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENTS)[number];

export const WEBHOOK_EVENT_LABELS: Record<WebhookEventType, string> = {
  "candidate.created": "A candidate was created",
  "scorecard.submitted": "An interviewer submitted a scorecard (no scores in the event)",
  "recommendation.changed": "A candidate's recommended level or pay changed",
  "decision.recorded": "A recruiter recorded a decision",
};

type Outcome = { status: RecommendationStatus; level: Level | null };

export type WebhookEventData = {
  "candidate.created": { candidateId: string };
  "scorecard.submitted": { candidateId: string; interviewId: string; scorecardId: string; areaKey: string };
  "recommendation.changed": { candidateId: string; policyVersion: number; previous: Outcome | null; current: Outcome };
  "decision.recorded": { candidateId: string; decisionId: string; kind: "accept" | "override"; level: Level | null };
};

export function webhookPayload<T extends WebhookEventType>(type: T, data: WebhookEventData[T], at: Date): string {
  return JSON.stringify({ type, timestamp: at.toISOString(), data });
}

/** How many of an endpoint's latest deliveries the admin page lists. */
export const DELIVERIES_SHOWN = 50;

/** A delivery is retried for this long after its event, then marked failed (an admin can redeliver). */
export const RETRY_WINDOW_MS = 24 * 3_600_000;
const FIRST_RETRY_MS = 30_000;
const LONGEST_WAIT_MS = 6 * 3_600_000;

/**
 * Exponential backoff: 30 s after the first failed attempt, doubling (1 min, 2 min, … ~4 h)
 * up to 6 h between attempts, for a day from the event. Null: give up.
 */
export function nextAttemptAt(input: { createdAt: Date; failedAttempts: number; now: Date }): Date | null {
  const wait = Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, input.failedAttempts - 1), LONGEST_WAIT_MS);
  const next = new Date(input.now.getTime() + wait);
  return next.getTime() - input.createdAt.getTime() > RETRY_WINDOW_MS ? null : next;
}
