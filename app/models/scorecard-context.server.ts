import { getOwnInterview } from "./interview.server";
import { getPublishedRubric, getRubricVersion, type RubricView } from "./rubric.server";

/**
 * The interviewer's own interview with the rubric its scorecard is judged against: the
 * pinned version once a scorecard exists, else the version published now. Null when the
 * interview is not theirs (the caller answers 404).
 */
export async function loadOwnScorecardContext(interviewId: string, interviewerId: string) {
  const interview = await getOwnInterview(interviewId, interviewerId);
  if (!interview) return null;
  const rubric: RubricView | null = interview.scorecard
    ? await getRubricVersion(interview.scorecard.rubricVersionId)
    : await getPublishedRubric(interview.areaKey);
  if (!rubric) throw new Error(`No published rubric for area ${interview.areaKey}`);
  return { interview, rubric };
}

/**
 * The rubric a save or submit is judged against, decided by the server: the pinned version
 * once a scorecard exists, else the area's published version. A posted version other than
 * that one comes from a page that is out of date: "conflict" when another tab pinned a
 * different version, "rubric_changed" when a newer version was published (never pinned:
 * the interviewer must see the rubric they are judged against). The write re-checks the
 * published version under a lock (saveDraft, submitScorecard).
 */
export function rubricForWrite(
  context: NonNullable<Awaited<ReturnType<typeof loadOwnScorecardContext>>>,
  postedRubricVersionId: string | null,
): { ok: true; rubric: RubricView } | { ok: false; reason: "conflict" | "rubric_changed" } {
  if (!postedRubricVersionId || postedRubricVersionId === context.rubric.id) return { ok: true, rubric: context.rubric };
  return { ok: false, reason: context.interview.scorecard ? "conflict" : "rubric_changed" };
}
