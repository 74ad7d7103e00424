import {
  aggregate,
  level,
  scoreScorecard,
  type CandidateEvidence,
  type LevelingPolicy,
  type Recommendation,
  type RubricVersion,
  type SubmittedScorecard,
} from "~/domain/leveling";
import type { Level, Track } from "~/domain/levels";
import {
  PRODUCTION_CAPABILITIES,
  type EvidenceStatus,
  type ProductionCapability,
  type Recommendation as OverallRecommendation,
} from "~/domain/scorecards/scorecard-fields";
import type { ScreenAreaKey } from "~/domain/screen-areas";
import { noteForLaterInterviewers, productionNote, ratingEvidence } from "./evidence-text";
import { candidateProfile, emailLocalPart, staffName } from "./people";
import { clamp, Random } from "./random";

/**
 * The large dataset, generated in memory from a seed: candidates, their five submitted
 * scorecards (one interviewer per area), and each candidate's stored recommendation
 * computed by the domain's own aggregate + level under the current policy — the same
 * functions the app runs when a scorecard is submitted, without 10,000 round trips.
 */

export interface ReferenceRubric {
  areaKey: ScreenAreaKey;
  rubricVersionId: string;
  criteria: readonly { id: string; key: string; title: string; weight: number }[];
}

export interface DatasetOptions {
  candidates: number;
  interviewers: number;
  recruiters: number;
  /** Assigned to the bench interviewer, without scorecards (draft-save targets). */
  benchInterviews: number;
  seed: number;
  now: Date;
}

export type Role = "INTERVIEWER" | "RECRUITER" | "ADMIN";

export interface UserRow {
  id: string;
  email: string;
  name: string;
  roles: Role[];
}

export interface CandidateRow {
  id: string;
  name: string;
  email: string;
  country: string;
  currentTitle: string;
  yearsExperience: number;
  track: Track;
  faangExperience: boolean;
  notes: string;
  recruiterId: string | null;
  createdAt: string;
}

export interface InterviewRow {
  id: string;
  candidateId: string;
  areaKey: ScreenAreaKey;
  interviewerId: string;
  scheduledAt: string;
  durationMinutes: number;
  createdAt: string;
}

export interface ScorecardRow {
  id: string;
  interviewId: string;
  rubricVersionId: string;
  draft: string;
  version: number;
  submittedAt: string;
  overallRecommendation: OverallRecommendation;
  levelSignal: Level;
  lifecycleOwnership: boolean;
  sharedInfrastructure: boolean;
  peopleManagement: boolean;
  noteForLaterInterviewers: string | null;
  weightedScore: number;
  createdAt: string;
}

export interface RatingRow {
  scorecardId: string;
  criterionId: string;
  score: number;
  evidence: string;
}

export interface ProductionRow {
  scorecardId: string;
  capability: ProductionCapability;
  status: EvidenceStatus;
  note: string;
}

export interface RecommendationRow {
  candidateId: string;
  recommendation: Recommendation;
  evidence: CandidateEvidence;
  computedAt: string;
}

export interface AuditRow {
  at: string;
  actorId: string;
  entityId: string;
  details: string;
}

export interface Dataset {
  staff: UserRow[];
  benchRecruiter: UserRow;
  benchInterviewer: UserRow;
  candidates: CandidateRow[];
  interviews: InterviewRow[];
  scorecards: ScorecardRow[];
  ratings: RatingRow[];
  production: ProductionRow[];
  recommendations: RecommendationRow[];
  audit: AuditRow[];
  benchInterviews: InterviewRow[];
}

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

interface Interviewer {
  id: string;
  areas: ScreenAreaKey[];
  /** How much more generous than their peers this interviewer rates. */
  leniency: number;
}

/** What is true of the candidate; each interviewer sees part of it. */
interface Truth {
  ability: number;
  track: Track;
  capabilities: Set<ProductionCapability>;
  lifecycleOwnership: boolean;
  sharedInfrastructure: boolean;
  peopleManagement: boolean;
}

/**
 * Generates the dataset, giving the event loop a turn every 100 candidates: a
 * 10,000-candidate run takes seconds of CPU, and a process that cannot run its signal handlers meanwhile is
 * killed outright on Ctrl-C (tsx escalates to SIGKILL), leaving its database behind.
 */
export async function generateDatasetAsync(
  rubrics: readonly ReferenceRubric[],
  policy: LevelingPolicy,
  options: DatasetOptions,
): Promise<Dataset> {
  const steps = datasetSteps(rubrics, policy, options);
  for (let count = 1; ; count++) {
    const step = steps.next();
    if (step.done) return step.value;
    if (count % 100 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
}

/** Yields after each candidate; returns the dataset. */
function* datasetSteps(
  rubrics: readonly ReferenceRubric[],
  policy: LevelingPolicy,
  options: DatasetOptions,
): Generator<void, Dataset> {
  const random = new Random(options.seed);
  const now = options.now.getTime();
  const areaKeys = rubrics.map((rubric) => rubric.areaKey);
  const rubricVersions: RubricVersion[] = rubrics.map((rubric) => ({
    id: rubric.rubricVersionId,
    criteria: rubric.criteria.map(({ id, weight }) => ({ id, weight })),
  }));

  const staff: UserRow[] = [];
  const staffUser = (roles: Role[], emailPrefix?: string): UserRow => {
    const name = staffName(random);
    const local = emailPrefix ?? `${emailLocalPart(name.full)}.${staff.length + 1}`;
    const user = { id: random.uuid(), email: `${local}@firm.example.com`, name: name.full, roles };
    return user;
  };
  staff.push(staffUser(["ADMIN"]));
  const recruiters = Array.from({ length: options.recruiters }, () => staffUser(["RECRUITER"]));
  staff.push(...recruiters);
  const interviewers: Interviewer[] = [];
  for (let index = 0; index < options.interviewers; index++) {
    // The last interviewer also recruits, as some people at the firm do.
    const user = staffUser(index === options.interviewers - 1 ? ["INTERVIEWER", "RECRUITER"] : ["INTERVIEWER"]);
    staff.push(user);
    // Two areas each, spread so that every area has several interviewers.
    const areas = [areaKeys[index % areaKeys.length]!, areaKeys[(index + 2) % areaKeys.length]!];
    interviewers.push({ id: user.id, areas, leniency: random.normal(0, 0.15) });
  }
  const interviewersByArea = new Map(
    areaKeys.map((areaKey) => [areaKey, interviewers.filter((interviewer) => interviewer.areas.includes(areaKey))]),
  );
  for (const [areaKey, list] of interviewersByArea) {
    if (list.length === 0) throw new Error(`no interviewer covers ${areaKey}: use at least ${areaKeys.length} interviewers`);
  }

  const benchRecruiter: UserRow = {
    id: random.uuid(),
    email: "bench.recruiter@firm.example.com",
    name: "Bench Recruiter",
    roles: ["RECRUITER"],
  };
  const benchInterviewer: UserRow = {
    id: random.uuid(),
    email: "bench.interviewer@firm.example.com",
    name: "Bench Interviewer",
    roles: ["INTERVIEWER"],
  };

  const dataset: Dataset = {
    staff,
    benchRecruiter,
    benchInterviewer,
    candidates: [],
    interviews: [],
    scorecards: [],
    ratings: [],
    production: [],
    recommendations: [],
    audit: [],
    benchInterviews: [],
  };

  for (let index = 0; index < options.candidates; index++) {
    const profile = candidateProfile(random, index + 1);
    const truth = candidateTruth(random);
    const createdAtMs = now - random.int(20, 540) * DAY_MS - random.int(0, 23) * HOUR_MS;
    const candidate: CandidateRow = {
      id: random.uuid(),
      ...profile,
      yearsExperience: clamp(Math.round(random.normal(6 + (truth.ability - 2.8) * 3 + (truth.track === "M" ? 3 : 0), 2.5)), 2, 25),
      track: truth.track,
      faangExperience: random.chance(truth.ability > 3.3 ? 0.2 : 0.07),
      recruiterId: random.chance(0.03) ? null : random.pick(recruiters).id,
      createdAt: iso(createdAtMs),
    };
    dataset.candidates.push(candidate);

    const submitted: SubmittedScorecard[] = [];
    let lastSubmittedMs = createdAtMs;
    for (const [areaIndex, rubric] of rubrics.entries()) {
      const interviewer = random.pick(interviewersByArea.get(rubric.areaKey)!);
      const scheduledMs = startOfHourUtc(createdAtMs + (2 + areaIndex * 2 + random.int(0, 2)) * DAY_MS, random.int(12, 22));
      const durationMinutes = random.pick([45, 60, 60, 60, 90]);
      const submittedMs = scheduledMs + durationMinutes * 60_000 + random.int(10, 30 * 60) * 60_000;
      lastSubmittedMs = Math.max(lastSubmittedMs, submittedMs);
      const interview: InterviewRow = {
        id: random.uuid(),
        candidateId: candidate.id,
        areaKey: rubric.areaKey,
        interviewerId: interviewer.id,
        scheduledAt: iso(scheduledMs),
        durationMinutes,
        createdAt: iso(createdAtMs + random.int(1, 24) * HOUR_MS),
      };
      dataset.interviews.push(interview);

      const scorecard = scoreOneInterview(random, truth, rubric, interviewer, areaIndex);
      const scorecardId = random.uuid();
      const weightedScore = scoreScorecard(
        scorecard.ratings.map(({ criterionId, score }) => ({ criterionId, score })),
        rubricVersions[areaIndex]!,
      );
      const overallRecommendation = overall(weightedScore + random.normal(0, 0.2));
      // The level an interviewer saw mixes this screen with their overall impression.
      const levelSignal = signal((weightedScore + truth.ability) / 2 + random.normal(0, 0.15), truth, random);
      const note = random.chance(0.15) ? noteForLaterInterviewers(random) : undefined;
      const yesNo = (value: boolean) => (value ? "yes" : "no");
      // The submission as the form posted it: what the read-only page shows.
      const draft = {
        ratings: Object.fromEntries(
          scorecard.ratings.map(({ key, score, evidence }) => [key, { score, evidence }]),
        ),
        recommendation: overallRecommendation,
        levelSignal,
        production: Object.fromEntries(
          scorecard.production.map(({ capability, status, note: text }) => [capability, text ? { status, note: text } : { status }]),
        ),
        lifecycleOwnership: yesNo(scorecard.lifecycleOwnership),
        sharedInfrastructure: yesNo(scorecard.sharedInfrastructure),
        ...(truth.track === "M" || scorecard.peopleManagement ? { peopleManagement: yesNo(scorecard.peopleManagement) } : {}),
        ...(note ? { noteForLaterInterviewers: note } : {}),
      };
      dataset.scorecards.push({
        id: scorecardId,
        interviewId: interview.id,
        rubricVersionId: rubric.rubricVersionId,
        draft: JSON.stringify(draft),
        version: 2 + random.int(0, 6),
        submittedAt: iso(submittedMs),
        overallRecommendation,
        levelSignal,
        lifecycleOwnership: scorecard.lifecycleOwnership,
        sharedInfrastructure: scorecard.sharedInfrastructure,
        peopleManagement: scorecard.peopleManagement,
        noteForLaterInterviewers: note ?? null,
        weightedScore,
        createdAt: iso(scheduledMs + random.int(5, 50) * 60_000),
      });
      for (const rating of scorecard.ratings) {
        dataset.ratings.push({ scorecardId, criterionId: rating.criterionId, score: rating.score, evidence: rating.evidence });
      }
      for (const item of scorecard.production) {
        dataset.production.push({ scorecardId, capability: item.capability, status: item.status, note: item.note });
      }
      dataset.audit.push({
        at: iso(submittedMs),
        actorId: interviewer.id,
        entityId: scorecardId,
        details: JSON.stringify({
          interviewId: interview.id,
          rubricVersionId: rubric.rubricVersionId,
          weightedScore,
          recommendation: overallRecommendation,
        }),
      });
      submitted.push({
        id: scorecardId,
        interviewerId: interviewer.id,
        areaKey: rubric.areaKey,
        rubricVersionId: rubric.rubricVersionId,
        ratings: scorecard.ratings.map(({ criterionId, score }) => ({ criterionId, score })),
        overallRecommendation,
        levelSignal,
        production: Object.fromEntries(scorecard.production.map(({ capability, status }) => [capability, status])) as Record<
          ProductionCapability,
          EvidenceStatus
        >,
        lifecycleOwnership: scorecard.lifecycleOwnership,
        sharedInfrastructure: scorecard.sharedInfrastructure,
        peopleManagement: scorecard.peopleManagement,
      });
    }

    const evidence = aggregate(submitted, rubricVersions, { track: candidate.track, faangExperience: candidate.faangExperience });
    dataset.recommendations.push({
      candidateId: candidate.id,
      recommendation: level(evidence, policy),
      evidence,
      computedAt: iso(lastSubmittedMs),
    });
    yield;
  }

  // The bench interviewer's queue: a second interviewer on some areas, nothing written yet.
  // Candidate i, then i + N on the next area, and so on: never the same (candidate, area) twice.
  const benchCount = Math.min(options.benchInterviews, options.candidates * areaKeys.length);
  for (let index = 0; index < benchCount; index++) {
    const candidate = dataset.candidates[index % options.candidates]!;
    const areaKey = areaKeys[(index + Math.floor(index / options.candidates)) % areaKeys.length]!;
    dataset.benchInterviews.push({
      id: random.uuid(),
      candidateId: candidate.id,
      areaKey,
      interviewerId: benchInterviewer.id,
      scheduledAt: iso(startOfHourUtc(now + random.int(-3, 10) * DAY_MS, random.int(12, 22))),
      durationMinutes: 60,
      createdAt: iso(now - random.int(1, 5) * DAY_MS),
    });
  }
  return dataset;
}

function candidateTruth(random: Random): Truth {
  const ability = random.normal(3.05, 0.5);
  const track: Track = random.chance(0.06) ? "M" : "IC";
  // About one in six has strong research or modelling experience but never ran a model
  // in production: the firm's production cap is about them.
  const researchProfile = random.chance(0.17);
  const capabilities = new Set<ProductionCapability>();
  if (!researchProfile) {
    for (const capability of PRODUCTION_CAPABILITIES) if (random.chance(0.55)) capabilities.add(capability);
    if (capabilities.size === 0) capabilities.add(random.pick(PRODUCTION_CAPABILITIES));
  }
  return {
    ability,
    track,
    capabilities,
    lifecycleOwnership: !researchProfile && random.chance(clamp(0.45 + 0.4 * (ability - 2.8), 0.1, 0.95)),
    sharedInfrastructure: !researchProfile && random.chance(clamp(0.35 + 0.5 * (ability - 3.1), 0.05, 0.9)),
    peopleManagement: random.chance(track === "M" ? 0.85 : 0.08),
  };
}

interface InterviewOutcome {
  ratings: { criterionId: string; key: string; score: 1 | 2 | 3 | 4; evidence: string }[];
  production: { capability: ProductionCapability; status: EvidenceStatus; note: string }[];
  lifecycleOwnership: boolean;
  sharedInfrastructure: boolean;
  peopleManagement: boolean;
}

/** One interviewer's view: the candidate's ability in this area, plus their leniency and noise. */
function scoreOneInterview(
  random: Random,
  truth: Truth,
  rubric: ReferenceRubric,
  interviewer: Interviewer,
  areaIndex: number,
): InterviewOutcome {
  const areaAbility = truth.ability + random.normal(0, 0.22) + interviewer.leniency;
  const ratings = rubric.criteria.map((criterion) => {
    const score = clamp(Math.round(areaAbility + random.normal(0, 0.45)), 1, 4) as 1 | 2 | 3 | 4;
    return { criterionId: criterion.id, key: criterion.key, score, evidence: ratingEvidence(random, criterion.title, score) };
  });
  // System design is where production experience comes up most.
  const systemDesign = rubric.areaKey === "ml_system_design";
  const production = PRODUCTION_CAPABILITIES.map((capability) => {
    if (truth.capabilities.has(capability) && random.chance(systemDesign ? 0.85 : 0.3)) {
      return { capability, status: "evidenced" as const, note: productionNote(random, capability) };
    }
    if (!truth.capabilities.has(capability) && random.chance(0.35)) {
      return { capability, status: "not_evidenced" as const, note: "" };
    }
    return { capability, status: "not_discussed" as const, note: "" };
  });
  return {
    ratings,
    production,
    lifecycleOwnership: truth.lifecycleOwnership && random.chance(areaIndex >= 2 ? 0.7 : 0.4),
    sharedInfrastructure: truth.sharedInfrastructure && random.chance(systemDesign ? 0.8 : 0.35),
    peopleManagement: truth.peopleManagement && random.chance(0.6),
  };
}

function overall(score: number): OverallRecommendation {
  if (score < 1.9) return "strong_no";
  if (score < 2.6) return "no";
  if (score < 3.35) return "yes";
  return "strong_yes";
}

/** Interviewers mostly discount what the candidate has not done, as the policy's gates do. */
function signal(score: number, truth: Truth, random: Random): Level {
  let ic: Level = score < 3 ? "IC3" : score < 3.4 ? "IC4" : score < 3.75 ? "IC5" : "IC6";
  if ((truth.capabilities.size === 0 || !truth.lifecycleOwnership) && random.chance(0.75)) ic = "IC3";
  else if (!truth.sharedInfrastructure && (ic === "IC5" || ic === "IC6") && random.chance(0.65)) ic = "IC4";
  const track = truth.track;
  if (track === "M" && random.chance(0.7)) {
    if (ic === "IC4") return "M1";
    if (ic === "IC5" || ic === "IC6") return "M2";
  }
  return ic;
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function startOfHourUtc(ms: number, hour: number): number {
  const date = new Date(ms);
  date.setUTCHours(hour, 0, 0, 0);
  return date.getTime();
}

/** Recommendation outcome labels for a summary: no_hire, IC3 … M2, incomplete; and how many the production cap lowered. */
export function summarizeOutcomes(recommendations: readonly RecommendationRow[]): {
  byOutcome: Record<string, number>;
  productionCapped: number;
} {
  const byOutcome: Record<string, number> = {};
  let productionCapped = 0;
  for (const { recommendation } of recommendations) {
    const key = recommendation.status === "recommended" ? recommendation.level! : recommendation.status;
    byOutcome[key] = (byOutcome[key] ?? 0) + 1;
    if (recommendation.explanation.some((step) => step.rule === "production_cap" && step.outcome === "capped")) {
      productionCapped++;
    }
  }
  return { byOutcome, productionCapped };
}
