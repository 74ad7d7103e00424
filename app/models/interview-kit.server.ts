import { getDb } from "~/utils/db.server";
import { getPublishedRubric, getRubricVersion } from "./rubric.server";

/** A note an earlier interviewer left for later ones: the text and who wrote it where, never their scores. */
export type EarlierInterviewerNote = { areaName: string; authorName: string; note: string };

/**
 * The interview kit of one interview, only for its assigned interviewer (the where
 * enforces it; null otherwise): the rubric the scorecard is judged against (the pinned
 * version once a scorecard exists, else the one published now) with its suggested
 * questions, the candidate's profile, and the notes earlier interviewers left for later
 * ones on their submitted scorecards of other interviews of this candidate.
 *
 * Independent scoring: the notes query selects the note, the area and the author's name
 * only. Scores, recommendations and level signals are never read here, so they cannot
 * reach the page.
 */
export async function getInterviewKit(interviewId: string, interviewerId: string, now = new Date()) {
  const db = getDb();
  const interview = await db.interview.findFirst({
    where: { id: interviewId, interviewerId, status: "SCHEDULED" },
    select: {
      id: true,
      candidateId: true,
      areaKey: true,
      scheduledAt: true,
      durationMinutes: true,
      candidate: { select: { name: true, country: true, currentTitle: true, yearsExperience: true, track: true } },
      area: { select: { name: true, description: true } },
      scorecard: { select: { rubricVersionId: true, submittedAt: true } },
    },
  });
  if (!interview) return null;
  const [rubric, notes] = await Promise.all([
    interview.scorecard ? getRubricVersion(interview.scorecard.rubricVersionId) : getPublishedRubric(interview.areaKey),
    listEarlierInterviewerNotes({ candidateId: interview.candidateId, exceptInterviewId: interview.id, now }),
  ]);
  if (!rubric) throw new Error(`No published rubric for area ${interview.areaKey}`);
  return { interview, rubric, notes };
}

/** Notes for later interviewers on this candidate's submitted scorecards of other interviews, oldest first. */
export async function listEarlierInterviewerNotes(input: {
  candidateId: string;
  exceptInterviewId: string;
  now: Date;
}): Promise<EarlierInterviewerNote[]> {
  const rows = await getDb().scorecard.findMany({
    where: {
      submittedAt: { not: null, lte: input.now },
      noteForLaterInterviewers: { not: null },
      interview: { candidateId: input.candidateId, id: { not: input.exceptInterviewId } },
    },
    orderBy: { submittedAt: "asc" },
    select: {
      noteForLaterInterviewers: true,
      interview: { select: { area: { select: { name: true } }, interviewer: { select: { name: true } } } },
    },
  });
  return rows
    .filter((row) => row.noteForLaterInterviewers?.trim())
    .map((row) => ({
      areaName: row.interview.area.name,
      authorName: row.interview.interviewer.name,
      note: row.noteForLaterInterviewers!.trim(),
    }));
}
