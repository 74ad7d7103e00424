import { z } from "zod";
import { SCREEN_AREA_KEYS, type ScreenAreaKey } from "../screen-areas";
import { toParseResult, type ParseResult } from "./parse-result";
import type { AreaEvidence, CandidateEvidence } from "./types";

const trueOrFalse = z.boolean({ error: "must be true or false" });

/** An area mean 1..4; missing or null means the area has no submitted scorecard yet. */
const areaScore = z.number({ error: "must be a number between 1 and 4" }).min(1).max(4).nullable().optional();

const areaScores = Object.fromEntries(SCREEN_AREA_KEYS.map((areaKey) => [areaKey, areaScore])) as Record<
  ScreenAreaKey,
  typeof areaScore
>;

/**
 * One candidate's evidence as area means, for the CLI and what-if tools. It carries no
 * per-interviewer scorecards, so strong-no, disagreement and level-signal flags never fire.
 */
export const evidenceInputSchema = z.strictObject(
  {
    track: z.enum(["IC", "M"], { error: 'must be "IC" or "M"' }),
    faangExperience: trueOrFalse,
    areas: z.strictObject(areaScores, { error: "must be an object of area scores" }),
    production: z.strictObject(
      { serving: trueOrFalse, monitoring: trueOrFalse, featureStore: trueOrFalse, modelCicd: trueOrFalse },
      { error: "must be an object with serving, monitoring, featureStore and modelCicd" },
    ),
    lifecycleOwnership: trueOrFalse,
    sharedInfrastructure: trueOrFalse,
    peopleManagement: trueOrFalse,
  },
  { error: "must be a JSON object" },
);

export type EvidenceInput = z.infer<typeof evidenceInputSchema>;

export function toCandidateEvidence(input: EvidenceInput): CandidateEvidence {
  const areas: Partial<Record<ScreenAreaKey, AreaEvidence>> = {};
  for (const areaKey of SCREEN_AREA_KEYS) {
    const score = input.areas[areaKey];
    if (typeof score === "number") areas[areaKey] = { score, disagreement: 0 };
  }
  return {
    track: input.track,
    faangExperience: input.faangExperience,
    areas,
    production: { ...input.production },
    lifecycleOwnership: input.lifecycleOwnership,
    sharedInfrastructure: input.sharedInfrastructure,
    peopleManagement: input.peopleManagement,
    scorecards: [],
  };
}

/** Validates a parsed JSON value in the input shape and maps it to candidate evidence. */
export function parseEvidenceInput(json: unknown): ParseResult<CandidateEvidence> {
  const parsed = toParseResult(evidenceInputSchema.safeParse(json));
  return parsed.ok ? { ok: true, value: toCandidateEvidence(parsed.value) } : parsed;
}
