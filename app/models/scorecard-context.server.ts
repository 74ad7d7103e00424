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
 * The rubric a save or submit is judged against: the pinned one, or on the first save the
 * version the interviewer was shown, if it is a non-draft version of the same area.
 */
export async function rubricForWrite(
  context: NonNullable<Awaited<ReturnType<typeof loadOwnScorecardContext>>>,
  postedRubricVersionId: string | null,
): Promise<RubricView | null> {
  if (context.interview.scorecard) {
    return postedRubricVersionId === context.rubric.id ? context.rubric : null;
  }
  if (!postedRubricVersionId || postedRubricVersionId === context.rubric.id) return context.rubric;
  const shown = await getRubricVersion(postedRubricVersionId).catch(() => null);
  return shown && shown.areaKey === context.interview.areaKey && shown.frozen ? shown : null;
}
