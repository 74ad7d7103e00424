import { scorecardStatus, type ScorecardStatus } from "~/domain/scorecards/status";
import { getDb } from "~/utils/db.server";

export type MyInterview = {
  id: string;
  candidateName: string;
  areaName: string;
  scheduledAt: Date;
  durationMinutes: number;
  status: ScorecardStatus;
};

/** The interviewer's own scheduled interviews, split around `now`. */
export async function listInterviewsOf(interviewerId: string, now = new Date()) {
  const rows = await getDb().interview.findMany({
    where: { interviewerId, status: "SCHEDULED" },
    orderBy: { scheduledAt: "asc" },
    select: {
      id: true,
      scheduledAt: true,
      durationMinutes: true,
      candidate: { select: { name: true } },
      area: { select: { name: true } },
      scorecard: { select: { submittedAt: true } },
    },
  });
  const interviews: MyInterview[] = rows.map((row) => ({
    id: row.id,
    candidateName: row.candidate.name,
    areaName: row.area.name,
    scheduledAt: row.scheduledAt,
    durationMinutes: row.durationMinutes,
    status: scorecardStatus({ ...row, scorecard: row.scorecard, now }),
  }));
  return {
    upcoming: interviews.filter((interview) => interview.scheduledAt >= now),
    past: interviews.filter((interview) => interview.scheduledAt < now).reverse(),
  };
}

/** One interview, only if it is assigned to this interviewer (the where enforces it). */
export function getOwnInterview(interviewId: string, interviewerId: string) {
  return getDb().interview.findFirst({
    where: { id: interviewId, interviewerId, status: "SCHEDULED" },
    select: {
      id: true,
      candidateId: true,
      areaKey: true,
      scheduledAt: true,
      durationMinutes: true,
      candidate: { select: { name: true, track: true } },
      area: { select: { name: true, description: true } },
      scorecard: { select: { id: true, version: true, submittedAt: true, rubricVersionId: true, draft: true } },
    },
  });
}
