/**
 * Recruiters assign interviewers to a candidate's screen areas, reassign an interview
 * nobody has started scoring, and cancel an interview whose scorecard is not submitted.
 * Every change is one transaction with its audit record.
 *
 * Locking: the interview row is taken FOR UPDATE (and its scorecard, when there is one)
 * before the rules are checked, so a scorecard created or submitted at the same moment
 * either happens before the check — and is seen — or waits for this change to commit.
 */
import { SCREEN_AREA_NAMES, isScreenAreaKey, type ScreenAreaKey } from "~/domain/screen-areas";
import { type Prisma } from "~/generated/prisma/client";
import { getDb, isUniqueViolation } from "~/utils/db.server";
import { recordAudit } from "./audit.server";
import { isUuid } from "~/utils/params";
import type { Actor } from "./candidate.server";

export type AssignmentFailure = {
  ok: false;
  reason:
    | "not_found"
    | "invalid_interviewer"
    | "duplicate"
    | "same_interviewer"
    | "cancelled"
    | "scorecard_started"
    | "scorecard_submitted";
  /** The form field the message belongs to; absent for a message about the whole form. */
  field?: "interviewerId";
  message: string;
};
export type AssignmentResult = { ok: true; interviewId: string } | AssignmentFailure;

const INVALID_INTERVIEWER: AssignmentFailure = {
  ok: false,
  reason: "invalid_interviewer",
  field: "interviewerId",
  message: "Choose an active interviewer from the list",
};

function notFound(what: "Candidate" | "Interview"): AssignmentFailure {
  return { ok: false, reason: "not_found", message: `${what} not found` };
}

function duplicate(interviewerName: string, areaKey: string): AssignmentFailure {
  return {
    ok: false,
    reason: "duplicate",
    field: "interviewerId",
    message: `${interviewerName} is already assigned to ${areaName(areaKey)} for this candidate`,
  };
}

function areaName(areaKey: string): string {
  return isScreenAreaKey(areaKey) ? SCREEN_AREA_NAMES[areaKey] : areaKey;
}


/** The interviewer if active and holding the INTERVIEWER role, locked against deactivation until commit. */
async function lockAssignableInterviewer(tx: Prisma.TransactionClient, userId: string) {
  if (!isUuid(userId)) return null;
  const [user] = await tx.$queryRaw<{ id: string; name: string }[]>`
    SELECT "id", "name" FROM "User"
    WHERE "id" = ${userId}::uuid AND "active" AND 'INTERVIEWER' = ANY ("roles")
    FOR SHARE`;
  return user ?? null;
}

/** The interview with its scorecard, both locked for the rest of the transaction. */
async function lockInterview(tx: Prisma.TransactionClient, interviewId: string) {
  if (!isUuid(interviewId)) return null;
  const [locked] = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "Interview" WHERE "id" = ${interviewId}::uuid FOR UPDATE`;
  if (!locked) return null;
  await tx.$queryRaw`SELECT "id" FROM "Scorecard" WHERE "interviewId" = ${interviewId}::uuid FOR UPDATE`;
  return tx.interview.findUniqueOrThrow({
    where: { id: interviewId },
    select: {
      id: true,
      candidateId: true,
      areaKey: true,
      interviewerId: true,
      status: true,
      interviewer: { select: { name: true } },
      scorecard: { select: { id: true, submittedAt: true } },
    },
  });
}

/** Active interviewers a recruiter can assign, for the page's selects. */
export function listAssignableInterviewers() {
  return getDb().user.findMany({
    where: { active: true, roles: { has: "INTERVIEWER" } },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
}

export type AssignInput = {
  candidateId: string;
  areaKey: ScreenAreaKey;
  interviewerId: string;
  scheduledAt: Date;
  durationMinutes: number;
};

/**
 * Assigns an interviewer to one area of a candidate. An interviewer screens an area of a
 * candidate once; assigning them again after a cancellation reopens that same interview
 * (with any draft they had saved) at the new time.
 */
export async function assignInterviewer(input: AssignInput, actor: Actor): Promise<AssignmentResult> {
  if (!isUuid(input.candidateId)) return notFound("Candidate");
  try {
    return await getDb().$transaction(async (tx): Promise<AssignmentResult> => {
      const candidate = await tx.candidate.findUnique({ where: { id: input.candidateId }, select: { id: true } });
      if (!candidate) return notFound("Candidate");
      const interviewer = await lockAssignableInterviewer(tx, input.interviewerId);
      if (!interviewer) return INVALID_INTERVIEWER;
      const key = { candidateId: input.candidateId, areaKey: input.areaKey, interviewerId: interviewer.id };
      const existing = await tx.interview.findUnique({
        where: { candidateId_areaKey_interviewerId: key },
        select: { id: true, status: true },
      });
      if (existing?.status === "SCHEDULED") return duplicate(interviewer.name, input.areaKey);

      const schedule = { scheduledAt: input.scheduledAt, durationMinutes: input.durationMinutes };
      const interview = existing
        ? await tx.interview.update({ where: { id: existing.id }, data: { ...schedule, status: "SCHEDULED" }, select: { id: true } })
        : await tx.interview.create({ data: { ...key, ...schedule }, select: { id: true } });
      await recordAudit(
        {
          actorId: actor.id,
          action: "interview.assign",
          entityType: "Interview",
          entityId: interview.id,
          details: {
            candidateId: input.candidateId,
            area: input.areaKey,
            from: null,
            to: interviewer.id,
            scheduledAt: input.scheduledAt.toISOString(),
            durationMinutes: input.durationMinutes,
            reopened: existing !== null,
          },
          ipAddress: actor.ipAddress,
        },
        tx,
      );
      return { ok: true, interviewId: interview.id };
    });
  } catch (error) {
    // The same assignment made twice at the same moment: the second one loses here.
    if (isUniqueViolation(error)) {
      return {
        ok: false,
        reason: "duplicate",
        field: "interviewerId",
        message: `This interviewer is already assigned to ${areaName(input.areaKey)} for this candidate`,
      };
    }
    throw error;
  }
}

/**
 * Gives an interview to another interviewer, only while no scorecard exists for it: a
 * scorecard, even a draft, belongs to the interviewer who started it. `scope` limits
 * the interview to one candidate (the page it was posted from).
 */
export async function reassignInterview(
  interviewId: string,
  newInterviewerId: string,
  actor: Actor,
  scope: { candidateId?: string } = {},
): Promise<AssignmentResult> {
  try {
    return await getDb().$transaction(async (tx): Promise<AssignmentResult> => {
      const interview = await lockInterview(tx, interviewId);
      if (!interview || (scope.candidateId !== undefined && interview.candidateId !== scope.candidateId)) {
        return notFound("Interview");
      }
      if (interview.status !== "SCHEDULED") {
        return { ok: false, reason: "cancelled", message: "This interview was cancelled. Assign an interviewer to the area instead." };
      }
      if (interview.scorecard) {
        return {
          ok: false,
          reason: interview.scorecard.submittedAt ? "scorecard_submitted" : "scorecard_started",
          message: `${interview.interviewer.name} has ${
            interview.scorecard.submittedAt ? "submitted" : "started"
          } a scorecard for this interview, and it stays theirs: the interview cannot be reassigned.`,
        };
      }
      if (newInterviewerId === interview.interviewerId) {
        return {
          ok: false,
          reason: "same_interviewer",
          field: "interviewerId",
          message: `${interview.interviewer.name} is already the interviewer`,
        };
      }
      const interviewer = await lockAssignableInterviewer(tx, newInterviewerId);
      if (!interviewer) return INVALID_INTERVIEWER;
      const clash = await tx.interview.findUnique({
        where: {
          candidateId_areaKey_interviewerId: {
            candidateId: interview.candidateId,
            areaKey: interview.areaKey,
            interviewerId: interviewer.id,
          },
        },
        select: { status: true },
      });
      if (clash?.status === "SCHEDULED") return duplicate(interviewer.name, interview.areaKey);
      if (clash) {
        return {
          ok: false,
          reason: "duplicate",
          field: "interviewerId",
          message: `${interviewer.name} had a cancelled interview for ${areaName(interview.areaKey)}: assign them to the area again instead`,
        };
      }
      await tx.interview.update({ where: { id: interview.id }, data: { interviewerId: interviewer.id } });
      await recordAudit(
        {
          actorId: actor.id,
          action: "interview.reassign",
          entityType: "Interview",
          entityId: interview.id,
          details: { candidateId: interview.candidateId, area: interview.areaKey, from: interview.interviewerId, to: interviewer.id },
          ipAddress: actor.ipAddress,
        },
        tx,
      );
      return { ok: true, interviewId: interview.id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      return {
        ok: false,
        reason: "duplicate",
        field: "interviewerId",
        message: "This interviewer is already assigned to this area for this candidate",
      };
    }
    throw error;
  }
}

/**
 * Cancels an interview while its scorecard is not submitted (a submitted scorecard is
 * part of the record). A draft is kept: assigning the same interviewer to the area again
 * brings it back. Cancelling a cancelled interview changes nothing.
 */
export async function cancelInterview(
  interviewId: string,
  actor: Actor,
  scope: { candidateId?: string } = {},
): Promise<AssignmentResult> {
  return getDb().$transaction(async (tx): Promise<AssignmentResult> => {
    const interview = await lockInterview(tx, interviewId);
    if (!interview || (scope.candidateId !== undefined && interview.candidateId !== scope.candidateId)) {
      return notFound("Interview");
    }
    if (interview.status === "CANCELLED") return { ok: true, interviewId: interview.id };
    if (interview.scorecard?.submittedAt) {
      return {
        ok: false,
        reason: "scorecard_submitted",
        message: `${interview.interviewer.name} has submitted a scorecard for this interview, so it cannot be cancelled.`,
      };
    }
    await tx.interview.update({ where: { id: interview.id }, data: { status: "CANCELLED" } });
    await recordAudit(
      {
        actorId: actor.id,
        action: "interview.cancel",
        entityType: "Interview",
        entityId: interview.id,
        details: {
          candidateId: interview.candidateId,
          area: interview.areaKey,
          from: interview.interviewerId,
          to: null,
          draftKept: interview.scorecard !== null,
        },
        ipAddress: actor.ipAddress,
      },
      tx,
    );
    return { ok: true, interviewId: interview.id };
  });
}
