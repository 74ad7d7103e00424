import type { SubmissionResult } from "@conform-to/react";
import { useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import type { DraftMessage } from "./draft-action.server";

/**
 * What a draft editing page (rubric or leveling policy) shows after its last post: the
 * refusal message or the editor's form reply, and the `?done=` of the redirect that ended
 * the last successful post. `done` is empty once a later post failed: its notice no longer
 * applies.
 */
export function useDraftPageState() {
  const actionData = useActionData() as SubmissionResult<string[]> | DraftMessage | undefined;
  const [searchParams] = useSearchParams();
  return {
    searchParams,
    done: actionData ? "" : (searchParams.get("done") ?? ""),
    message: actionData && "kind" in actionData ? actionData : null,
    reply: actionData && !("kind" in actionData) ? actionData : undefined,
  };
}

/** True while a post or a load is under way: the draft buttons wait, so a double click sends one request. */
export function useDraftButtonsBusy(): boolean {
  return useNavigation().state !== "idle";
}
