import { CANDIDATE_FORM_FIELDS, type CandidateInput } from "~/domain/candidates/candidate-form";
import { buildRecommendationView, type RecommendationView, type ScorecardScore } from "~/domain/candidates/recommendation-view";
import type { Level } from "~/domain/levels";
import {
  PRODUCTION_CAPABILITIES,
  type EvidenceStatus,
  type ProductionCapability,
  type Recommendation as OverallRecommendation,
} from "~/domain/scorecards/scorecard-fields";
import { scorecardStatus, type ScorecardStatus } from "~/domain/scorecards/status";
import { SCREEN_AREA_KEYS, SCREEN_AREA_NAMES, isScreenAreaKey, type ScreenAreaKey } from "~/domain/screen-areas";
import { type Prisma } from "~/generated/prisma/client";
import { getDb, isUniqueViolation } from "~/utils/db.server";
import { isUuid } from "~/utils/params";
import { recordAudit } from "./audit.server";
import { recomputeRecommendation } from "./recommendation.server";
import { enqueueWebhookEvent } from "./webhook.server";

export type Actor = { id: string; ipAddress?: string };

export const CANDIDATE_CONFLICT_MESSAGE = "This candidate was changed by someone else. Reload to see their changes.";

export type CandidateWriteResult =
  | { ok: true; id: string; version: number }
  | { ok: false; reason: "not_found" }
  | { ok: false; reason: "conflict"; message: string }
  | { ok: false; reason: "invalid"; field: "email" | "recruiterId"; message: string };

const EMAIL_TAKEN: CandidateWriteResult = {
  ok: false,
  reason: "invalid",
  field: "email",
  message: "A candidate with this email already exists",
};
const RECRUITER_INVALID: CandidateWriteResult = {
  ok: false,
  reason: "invalid",
  field: "recruiterId",
  message: "Choose an active recruiter from the list",
};
const CONFLICT: CandidateWriteResult = { ok: false, reason: "conflict", message: CANDIDATE_CONFLICT_MESSAGE };
const NOT_FOUND: CandidateWriteResult = { ok: false, reason: "not_found" };




type CandidateColumns = Omit<CandidateInput, "recruiterId"> & { recruiterId: string | null };

function toColumns(input: CandidateInput): CandidateColumns {
  return {
    name: input.name,
    email: input.email,
    country: input.country,
    currentTitle: input.currentTitle,
    yearsExperience: input.yearsExperience,
    track: input.track,
    faangExperience: input.faangExperience,
    notes: input.notes,
    recruiterId: input.recruiterId ?? null,
  };
}

const editableSelect = {
  name: true,
  email: true,
  country: true,
  currentTitle: true,
  yearsExperience: true,
  track: true,
  faangExperience: true,
  notes: true,
  recruiterId: true,
} as const satisfies Record<(typeof CANDIDATE_FORM_FIELDS)[number], true>;

async function isActiveRecruiter(tx: Prisma.TransactionClient, userId: string): Promise<boolean> {
  const user = await tx.user.findFirst({ where: { id: userId, active: true, roles: { has: "RECRUITER" } }, select: { id: true } });
  return user !== null;
}

/** Active recruiters a candidate can be given to, for the form's select. */
export function listRecruiters() {
  return getDb().user.findMany({
    where: { active: true, roles: { has: "RECRUITER" } },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
}

/**
 * Creates a candidate and, in the same transaction, records `candidate.create` and stores
 * their first recommendation ("incomplete", naming the five missing areas), so every
 * candidate has one from the start.
 */
export async function createCandidate(input: CandidateInput, actor: Actor): Promise<CandidateWriteResult> {
  const columns = toColumns(input);
  try {
    return await getDb().$transaction(async (tx) => {
      if (await tx.candidate.findUnique({ where: { email: columns.email }, select: { id: true } })) return EMAIL_TAKEN;
      if (columns.recruiterId && !(await isActiveRecruiter(tx, columns.recruiterId))) return RECRUITER_INVALID;
      const candidate = await tx.candidate.create({ data: columns, select: { id: true, version: true } });
      await recomputeRecommendation(tx, candidate.id);
      await enqueueWebhookEvent(tx, "candidate.created", { candidateId: candidate.id });
      await recordAudit(
        {
          actorId: actor.id,
          action: "candidate.create",
          entityType: "Candidate",
          entityId: candidate.id,
          // Ids and versions only: the candidate's personal data stays in its own row.
          details: { version: candidate.version },
          ipAddress: actor.ipAddress,
        },
        tx,
      );
      return { ok: true, id: candidate.id, version: candidate.version };
    });
  } catch (error) {
    // Two recruiters created the same email at once: the loser gets the field error.
    if (isUniqueViolation(error)) return EMAIL_TAKEN;
    throw error;
  }
}

/** Profile fields the leveling service reads. */
const LEVELING_INPUT_FIELDS: ReadonlySet<string> = new Set(["track", "faangExperience"]);

/**
 * Saves an edit only if the candidate is still at `expectedVersion`: a stale edit is
 * refused as a conflict and writes nothing. The audit record names the changed fields,
 * never their values. Saving an unchanged form writes nothing. A change of track or
 * FAANG-type experience recomputes the stored recommendation in the same transaction.
 */
export async function updateCandidate(
  id: string,
  expectedVersion: number,
  input: CandidateInput,
  actor: Actor,
): Promise<CandidateWriteResult> {
  if (!isUuid(id)) return NOT_FOUND;
  const columns = toColumns(input);
  try {
    return await getDb().$transaction(async (tx) => {
      const current = await tx.candidate.findUnique({ where: { id }, select: { version: true, ...editableSelect } });
      if (!current) return NOT_FOUND;
      if (current.version !== expectedVersion) return CONFLICT;
      const changed = CANDIDATE_FORM_FIELDS.filter((field) => current[field] !== columns[field]);
      if (changed.length === 0) return { ok: true, id, version: expectedVersion };
      if (changed.includes("email")) {
        const taken = await tx.candidate.findFirst({ where: { email: columns.email, id: { not: id } }, select: { id: true } });
        if (taken) return EMAIL_TAKEN;
      }
      if (changed.includes("recruiterId") && columns.recruiterId && !(await isActiveRecruiter(tx, columns.recruiterId))) {
        return RECRUITER_INVALID;
      }
      // The version in the where makes a concurrent edit that committed after our read lose here.
      const { count } = await tx.candidate.updateMany({
        where: { id, version: expectedVersion },
        data: { ...columns, version: { increment: 1 } },
      });
      if (count === 0) return CONFLICT;
      const version = expectedVersion + 1;
      // The track picks the ladder and FAANG-type experience the premium: both change the result.
      if (changed.some((field) => LEVELING_INPUT_FIELDS.has(field))) await recomputeRecommendation(tx, id);
      await recordAudit(
        {
          actorId: actor.id,
          action: "candidate.update",
          entityType: "Candidate",
          entityId: id,
          details: { changed, version },
          ipAddress: actor.ipAddress,
        },
        tx,
      );
      return { ok: true, id, version };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return EMAIL_TAKEN;
    throw error;
  }
}

/** The candidate as the edit form needs it, or null for an unknown or malformed id. */
export async function getCandidateForEdit(id: string) {
  if (!isUuid(id)) return null;
  return getDb().candidate.findUnique({
    where: { id },
    select: { id: true, ...editableSelect, recruiter: { select: { id: true, name: true, active: true } }, version: true },
  });
}

/**
 * The profile both the candidate page and the packet show (CandidateProfileFields): the
 * form's fields but the notes, which only the candidate page adds, and the recruiter's id,
 * since both name the recruiter instead.
 */
const { notes: _notes, recruiterId: _recruiterId, ...profileFieldsSelect } = editableSelect;
const profileSelect = { id: true, ...profileFieldsSelect } as const;

export type AreaInterview = {
  id: string;
  interviewerId: string;
  interviewerName: string;
  interviewerActive: boolean;
  scheduledAt: Date;
  durationMinutes: number;
  scorecardStatus: ScorecardStatus;
  /** Set once the scorecard is submitted: recruiters read submitted scorecards only. */
  submittedScorecardId: string | null;
  /** A scorecard (draft or submitted) exists: it belongs to this interviewer, so no reassigning. */
  hasScorecard: boolean;
};

export type AreaOverview = {
  key: ScreenAreaKey;
  name: string;
  interviews: AreaInterview[];
  submitted: boolean;
};

/**
 * A candidate's profile and, for each of the five screen areas in order, its scheduled
 * (not cancelled) interviews with their scorecard status as of `now`. Null for an
 * unknown or malformed id.
 */
export async function getCandidateOverview(id: string, now = new Date()) {
  if (!isUuid(id)) return null;
  const candidate = await getDb().candidate.findUnique({
    where: { id },
    select: {
      ...profileSelect,
      notes: true,
      version: true,
      recruiter: { select: { id: true, name: true } },
      interviews: {
        where: { status: "SCHEDULED" },
        orderBy: [{ scheduledAt: "asc" }, { createdAt: "asc" }],
        select: {
          id: true,
          areaKey: true,
          scheduledAt: true,
          durationMinutes: true,
          interviewer: { select: { id: true, name: true, active: true } },
          scorecard: { select: { id: true, submittedAt: true } },
        },
      },
    },
  });
  if (!candidate) return null;
  const { interviews, ...profile } = candidate;

  const byArea = new Map<ScreenAreaKey, AreaInterview[]>(SCREEN_AREA_KEYS.map((key) => [key, []]));
  for (const interview of interviews) {
    if (!isScreenAreaKey(interview.areaKey)) continue;
    byArea.get(interview.areaKey)!.push({
      id: interview.id,
      interviewerId: interview.interviewer.id,
      interviewerName: interview.interviewer.name,
      interviewerActive: interview.interviewer.active,
      scheduledAt: interview.scheduledAt,
      durationMinutes: interview.durationMinutes,
      scorecardStatus: scorecardStatus({ ...interview, now }),
      submittedScorecardId: interview.scorecard?.submittedAt ? interview.scorecard.id : null,
      hasScorecard: interview.scorecard !== null,
    });
  }
  const areas: AreaOverview[] = SCREEN_AREA_KEYS.map((key) => {
    const areaInterviews = byArea.get(key)!;
    return {
      key,
      name: SCREEN_AREA_NAMES[key],
      interviews: areaInterviews,
      submitted: areaInterviews.some((interview) => interview.submittedScorecardId !== null),
    };
  });
  return { profile, areas, submittedAreaCount: areas.filter((area) => area.submitted).length };
}

export type CandidateOverview = NonNullable<Awaited<ReturnType<typeof getCandidateOverview>>>;

const storedRecommendationSelect = {
  status: true,
  level: true,
  bandMin: true,
  bandMax: true,
  premiumMin: true,
  premiumMax: true,
  flags: true,
  explanation: true,
  evidence: true,
  policyVersion: true,
  computedAt: true,
} as const;

/** A submitted scorecard's row as the recommendation section lists it. */
function toScorecardScore(row: {
  id: string;
  weightedScore: number | null;
  interview: { areaKey: string; interviewer: { id: string; name: string } };
}): ScorecardScore {
  return {
    scorecardId: row.id,
    areaKey: row.interview.areaKey,
    interviewerId: row.interview.interviewer.id,
    interviewerName: row.interview.interviewer.name,
    score: row.weightedScore,
  };
}

/**
 * The stored recommendation with each submitted scorecard's weighted score, as the
 * candidate page shows it; never recomputed here. Null when none is stored (a candidate
 * created before recommendations were stored on creation).
 */
export async function getCandidateRecommendation(candidateId: string): Promise<RecommendationView | null> {
  if (!isUuid(candidateId)) return null;
  const db = getDb();
  const [stored, scorecards] = await Promise.all([
    db.candidateRecommendation.findUnique({ where: { candidateId }, select: storedRecommendationSelect }),
    db.scorecard.findMany({
      where: { submittedAt: { not: null }, interview: { candidateId } },
      orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
      select: {
        id: true,
        weightedScore: true,
        interview: { select: { areaKey: true, interviewer: { select: { id: true, name: true } } } },
      },
    }),
  ]);
  if (!stored) return null;
  return buildRecommendationView(stored, scorecards.map(toScorecardScore));
}

export type PacketScorecard = {
  id: string;
  areaKey: string;
  areaName: string;
  interviewerName: string;
  rubricVersion: number;
  submittedAt: string | null;
  score: number | null;
  overallRecommendation: OverallRecommendation | null;
  levelSignal: Level | null;
  lifecycleOwnership: boolean | null;
  sharedInfrastructure: boolean | null;
  peopleManagement: boolean | null;
  ratings: { criterion: string; weight: number; score: number; evidence: string }[];
  production: { capability: ProductionCapability; status: EvidenceStatus; note: string }[];
};

/**
 * Everything a hiring manager's packet shows: the profile, every submitted scorecard
 * with its criterion ratings and evidence (in area, then submission order), and the
 * stored recommendation. The decision is read with getDecision. Null for an unknown id.
 * `withheldFrom` (a viewer the candidate's scores are withheld from): only that viewer's own
 * scorecards, and no recommendation, are read.
 */
export async function getCandidatePacket(candidateId: string, options: { withheldFrom?: string | null } = {}) {
  if (!isUuid(candidateId)) return null;
  const db = getDb();
  const author = options.withheldFrom ?? undefined;
  const [candidate, stored, rows] = await Promise.all([
    db.candidate.findUnique({
      where: { id: candidateId },
      select: { ...profileSelect, recruiter: { select: { name: true } } },
    }),
    author ? null : db.candidateRecommendation.findUnique({ where: { candidateId }, select: storedRecommendationSelect }),
    db.scorecard.findMany({
      where: { submittedAt: { not: null }, interview: { candidateId, interviewerId: author } },
      orderBy: [{ interview: { area: { position: "asc" } } }, { submittedAt: "asc" }, { id: "asc" }],
      select: {
        id: true,
        submittedAt: true,
        weightedScore: true,
        overallRecommendation: true,
        levelSignal: true,
        lifecycleOwnership: true,
        sharedInfrastructure: true,
        peopleManagement: true,
        rubricVersion: { select: { number: true } },
        interview: {
          select: { areaKey: true, area: { select: { name: true } }, interviewer: { select: { id: true, name: true } } },
        },
        ratings: { select: { score: true, evidence: true, criterion: { select: { title: true, weight: true, position: true } } } },
        production: { select: { capability: true, status: true, note: true } },
      },
    }),
  ]);
  if (!candidate) return null;
  const scorecards = rows.map(
    (row): PacketScorecard => ({
      id: row.id,
      areaKey: row.interview.areaKey,
      areaName: row.interview.area.name,
      interviewerName: row.interview.interviewer.name,
      rubricVersion: row.rubricVersion.number,
      submittedAt: row.submittedAt?.toISOString() ?? null,
      score: row.weightedScore,
      overallRecommendation: row.overallRecommendation,
      levelSignal: row.levelSignal,
      lifecycleOwnership: row.lifecycleOwnership,
      sharedInfrastructure: row.sharedInfrastructure,
      peopleManagement: row.peopleManagement,
      ratings: [...row.ratings]
        .sort((a, b) => a.criterion.position - b.criterion.position)
        .map((rating) => ({ criterion: rating.criterion.title, weight: rating.criterion.weight, score: rating.score, evidence: rating.evidence })),
      production: [...row.production]
        .sort((a, b) => PRODUCTION_CAPABILITIES.indexOf(a.capability) - PRODUCTION_CAPABILITIES.indexOf(b.capability))
        .map(({ capability, status, note }) => ({ capability, status, note })),
    }),
  );
  const recommendation = stored ? buildRecommendationView(stored, rows.map(toScorecardScore)) : null;
  return { candidate, scorecards, recommendation };
}

export type CandidatePacket = NonNullable<Awaited<ReturnType<typeof getCandidatePacket>>>;
