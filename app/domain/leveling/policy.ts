import { z } from "zod";
import { hasAtMostDecimals } from "../decimals";
import { INT_COLUMN_MAX } from "../int-columns";
import { IC_LEVELS, LEVELS, MANAGER_LEVELS, type Level } from "../levels";
import { toParseResult, type ParseResult } from "./parse-result";
import { MAX_BAND_USD, MAX_LEVEL_DISTANCE, MAX_PREMIUM_PERCENT, THRESHOLD_DECIMALS } from "./policy-limits";
import { PRODUCTION_CAPABILITIES } from "./types";

/** IC levels that have score thresholds of their own; IC3 is reached at the hire bar. */
export const SCORED_LEVELS = ["IC4", "IC5", "IC6"] as const;
export type ScoredLevel = (typeof SCORED_LEVELS)[number];

const score = z.number({ error: "must be a score between 1 and 4" }).min(1).max(4);

const scoredLevel = z.enum(SCORED_LEVELS, { error: `must be one of ${SCORED_LEVELS.join(", ")}` });

const levelThresholdsSchema = z.strictObject({
  minMean: score,
  minMlSystemDesign: score.optional(),
  minEveryArea: score.optional(),
});

// Bands and premium bands are stored in Int columns of every recommendation. Any size is read
// back (an old stored version); what may be saved is capped in sanityIssues, far enough below
// the Int limit that the highest band with the highest premium still fits.
const usd = z.number({ error: "must be a positive whole number of USD a month" }).int().positive();
const bandSchema = z
  .strictObject({ min: usd, max: usd })
  .refine((band) => band.min < band.max, { path: ["max"], error: "must be greater than min" });

const percent = z.number({ error: "must be a percentage ≥ 0" }).min(0);

const CAPABILITY_COUNT_ERROR = `must be a whole number from 1 to ${PRODUCTION_CAPABILITIES.length}`;

const policyFieldsSchema = z.strictObject({
  version: z.number({ error: "must be a positive whole number" }).int().positive().max(INT_COLUMN_MAX),
  /** Below this, no hire; at it, IC3. */
  hireBar: z.strictObject({ minEveryArea: score, minMean: score }),
  /**
   * Cumulative: a level is reached when its thresholds and those of every level below
   * it are met. An omitted optional minimum adds nothing beyond the levels below.
   */
  scoreLevels: z.strictObject({
    IC4: levelThresholdsSchema,
    IC5: levelThresholdsSchema,
    IC6: levelThresholdsSchema,
  }),
  production: z.strictObject({
    // 0 would let a candidate with no production experience past IC3: the firm's rule forbids it.
    minCapabilities: z.number({ error: CAPABILITY_COUNT_ERROR }).int().min(1).max(PRODUCTION_CAPABILITIES.length),
  }),
  /** The lowest level that needs the evidence; without it the level is capped one below. */
  gates: z.strictObject({
    lifecycleOwnershipFrom: scoredLevel,
    sharedInfrastructureFrom: scoredLevel,
  }),
  /**
   * The IC level whose requirements a manager level needs (plus people management). It is
   * also the manager level's rank when recommendations and level signals are compared.
   * IC3 is excluded so that no manager level is reachable without production experience.
   */
  managerEquivalents: z.strictObject({ M1: scoredLevel, M2: scoredLevel }),
  bands: z.strictObject({
    IC3: bandSchema,
    IC4: bandSchema,
    IC5: bandSchema,
    IC6: bandSchema,
    M1: bandSchema,
    M2: bandSchema,
  }),
  /** premiumBand = { min: band.min × (1 + min%), max: band.max × (1 + max%) }. */
  faangPremiumPercent: z
    .strictObject({ min: percent, max: percent })
    .refine((premium) => premium.min <= premium.max, { path: ["max"], error: "must be at least min" }),
  flags: z.strictObject({
    /** Flag an area whose scorecard scores differ by at least this much. */
    areaDisagreement: z.number({ error: "must be a number above 0 and at most 3" }).positive().max(3),
    /** Flag a level signal at least this many levels away from the recommendation. */
    levelSignalDistance: z.number({ error: "must be a whole number ≥ 1" }).int().min(1),
  }),
});

/**
 * What a stored version must be for the engine to use it. Versions stored before the
 * rules of `levelingPolicySchema` existed still parse with this, so an installation with
 * such a version keeps leveling and its admins can open, fix and republish it.
 */
export const storedPolicySchema = policyFieldsSchema.superRefine((policy, ctx) => {
  for (const issue of thresholdOrderIssues(policy)) ctx.addIssue({ code: "custom", ...issue });
  const { M1, M2 } = policy.managerEquivalents;
  if (IC_LEVELS.indexOf(M1) >= IC_LEVELS.indexOf(M2)) {
    ctx.addIssue({
      code: "custom",
      path: ["managerEquivalents", "M2"],
      message: `must be a higher IC level than managerEquivalents.M1 (${M1})`,
    });
  }
});

/**
 * What an admin may save and publish, and what the command line accepts: a stored policy
 * whose numbers also make sense — every figure storable, bands rising with the level, a
 * manager band at least its IC equivalent's, thresholds in hundredths. Issues carry the
 * path of the field to fix, so the editor shows each one next to its field.
 */
export const levelingPolicySchema = storedPolicySchema.superRefine((policy, ctx) => {
  for (const issue of sanityIssues(policy)) ctx.addIssue({ code: "custom", ...issue });
});

export type LevelingPolicy = z.infer<typeof storedPolicySchema>;
export type LevelThresholds = z.infer<typeof levelThresholdsSchema>;

interface Bound {
  field: string;
  value: number;
}

/**
 * Mean thresholds strictly increase from the hire bar to IC6; the every-area and
 * ML-system-design minimums never decrease (both start from the hire bar's every-area floor).
 */
function thresholdOrderIssues(policy: z.infer<typeof policyFieldsSchema>) {
  const issues: { path: string[]; message: string }[] = [];
  const floor: Bound = { field: "hireBar.minEveryArea", value: policy.hireBar.minEveryArea };
  const previous: Record<keyof LevelThresholds, Bound> = {
    minMean: { field: "hireBar.minMean", value: policy.hireBar.minMean },
    minEveryArea: floor,
    minMlSystemDesign: floor,
  };
  for (const level of SCORED_LEVELS) {
    for (const key of ["minMean", "minEveryArea", "minMlSystemDesign"] as const) {
      const value = policy.scoreLevels[level][key];
      if (value === undefined) continue;
      const bound = previous[key];
      const mustIncrease = key === "minMean";
      if (mustIncrease ? value <= bound.value : value < bound.value) {
        issues.push({
          path: ["scoreLevels", level, key],
          message: `must be ${mustIncrease ? "greater than" : "at least"} ${bound.field} (${bound.value})`,
        });
      }
      previous[key] = { field: `scoreLevels.${level}.${key}`, value };
    }
  }
  return issues;
}

type Issue = { path: (string | number)[]; message: string };
const usdText = (value: number) => value.toLocaleString("en-US");

function sanityIssues(policy: z.infer<typeof policyFieldsSchema>): Issue[] {
  const issues: Issue[] = [];
  const { bands } = policy;
  for (const level of LEVELS) {
    for (const end of ["min", "max"] as const) {
      if (bands[level][end] > MAX_BAND_USD) {
        issues.push({ path: ["bands", level, end], message: `must be at most ${usdText(MAX_BAND_USD)} USD a month` });
      }
    }
  }
  const atLeastBand = (level: Level, below: Level, reason = "") => {
    for (const end of ["min", "max"] as const) {
      const floor = bands[below][end];
      if (bands[level][end] < floor) {
        const word = end === "min" ? "minimum" : "maximum";
        issues.push({ path: ["bands", level, end], message: `must be at least ${below}'s ${word} (${usdText(floor)})${reason}` });
      }
    }
  };
  // Bands rise with the level: each IC band at least the one below it.
  IC_LEVELS.slice(1).forEach((level, index) => atLeastBand(level, IC_LEVELS[index]!));
  // A manager earns at least what the IC level they are held to earns, and M2 at least M1.
  for (const manager of MANAGER_LEVELS) {
    const equivalent = policy.managerEquivalents[manager];
    atLeastBand(manager, equivalent, `: ${manager} needs what ${equivalent} needs`);
  }
  atLeastBand("M2", "M1");

  for (const end of ["min", "max"] as const) {
    if (policy.faangPremiumPercent[end] > MAX_PREMIUM_PERCENT) {
      issues.push({ path: ["faangPremiumPercent", end], message: `must be a percentage from 0 to ${MAX_PREMIUM_PERCENT}` });
    }
  }

  const thresholds: [(string | number)[], number | undefined][] = [
    [["hireBar", "minEveryArea"], policy.hireBar.minEveryArea],
    [["hireBar", "minMean"], policy.hireBar.minMean],
    ...SCORED_LEVELS.flatMap((level) =>
      (["minMean", "minMlSystemDesign", "minEveryArea"] as const).map(
        (key): [(string | number)[], number | undefined] => [["scoreLevels", level, key], policy.scoreLevels[level][key]],
      ),
    ),
    [["flags", "areaDisagreement"], policy.flags.areaDisagreement],
  ];
  for (const [path, value] of thresholds) {
    if (value !== undefined && !hasAtMostDecimals(value, THRESHOLD_DECIMALS)) {
      issues.push({ path, message: `must have at most ${THRESHOLD_DECIMALS} decimals` });
    }
  }

  if (policy.flags.levelSignalDistance > MAX_LEVEL_DISTANCE) {
    issues.push({
      path: ["flags", "levelSignalDistance"],
      message: `must be at most ${MAX_LEVEL_DISTANCE}: no level signal is further from a recommendation`,
    });
  }
  return issues;
}

/** Validates a parsed JSON value (e.g. an admin's edit or a policy file) as a policy an admin could publish. */
export function parsePolicy(json: unknown): ParseResult<LevelingPolicy> {
  return toParseResult(levelingPolicySchema.safeParse(json));
}

/** DOMAIN.md's default policy. */
export const DEFAULT_POLICY: LevelingPolicy = {
  version: 1,
  hireBar: { minEveryArea: 2.5, minMean: 2.75 },
  scoreLevels: {
    IC4: { minMean: 3.0, minMlSystemDesign: 3.0 },
    IC5: { minMean: 3.4, minMlSystemDesign: 3.5 },
    IC6: { minMean: 3.75, minEveryArea: 3.5 },
  },
  production: { minCapabilities: 1 },
  gates: { lifecycleOwnershipFrom: "IC4", sharedInfrastructureFrom: "IC5" },
  managerEquivalents: { M1: "IC4", M2: "IC5" },
  bands: {
    IC3: { min: 4000, max: 6000 },
    IC4: { min: 7000, max: 10000 },
    IC5: { min: 10000, max: 15000 },
    IC6: { min: 15000, max: 20000 },
    M1: { min: 7000, max: 10000 },
    M2: { min: 10000, max: 15000 },
  },
  faangPremiumPercent: { min: 20, max: 50 },
  flags: { areaDisagreement: 1.5, levelSignalDistance: 2 },
};
