import type { Outcome } from "./authorization-matrix";

export type Variant = "document" | "data";

export type Answer = { status: number; location: string | null };

/** The status and Location of a response, with single-fetch redirects (202 + Location) read as redirects. */
export function answerOf(response: Response): Answer {
  return { status: response.status, location: response.headers.get("location") };
}

function isRedirect(answer: Answer, variant: Variant): boolean {
  if (answer.location === null) return false;
  return variant === "data" ? answer.status === 202 || (answer.status >= 300 && answer.status < 400) : answer.status >= 300 && answer.status < 400;
}

const toLogin = (answer: Answer) => answer.location !== null && /^\/login(\?|$)/.test(answer.location);

export function matchesOutcome(expected: Outcome, answer: Answer, variant: Variant): boolean {
  switch (expected.kind) {
    case "ok":
      return answer.status === 200;
    case "login":
      return isRedirect(answer, variant) && toLogin(answer);
    case "forbidden":
      return answer.status === 403;
    case "not-found":
      return answer.status === 404;
    case "redirect":
      return (
        isRedirect(answer, variant) &&
        (typeof expected.to === "string" ? answer.location === expected.to : expected.to.test(answer.location ?? ""))
      );
    case "status":
      return answer.status === expected.status;
  }
}

/** An answer that serves or does something: 2xx, or a redirect anywhere but the sign-in page. */
export function isGranted(answer: Answer, variant: Variant): boolean {
  if (isRedirect(answer, variant)) return !toLogin(answer);
  return answer.status >= 200 && answer.status < 300;
}

export function describeOutcome(outcome: Outcome): string {
  switch (outcome.kind) {
    case "redirect":
      return `redirect ${String(outcome.to)}`;
    case "status":
      return String(outcome.status);
    default:
      return outcome.kind;
  }
}

export function describeAnswer(answer: Answer): string {
  return answer.location ? `${answer.status} → ${answer.location}` : String(answer.status);
}
