import { IC_LEVELS } from "../levels";

/* The bounds of a policy's numbers, apart from the schema (policy.ts) so the editor's hints can name them without Zod. */

/**
 * Salary figures are whole USD a month up to this: far above any band the firm pays, and
 * with the largest premium still far below the 2,147,483,647 that the recommendation's
 * integer columns can hold, so a policy that saves can always be published.
 */
export const MAX_BAND_USD = 1_000_000;
/** The FAANG-type premium is a percentage from 0 to this (DOMAIN.md: +20–50%). */
export const MAX_PREMIUM_PERCENT = 100;
/**
 * Score thresholds have at most this many decimals. With rubric weights in hundredths
 * (rubric-validation.ts) a score is either exactly on such a threshold or clearly away
 * from it, never a rounding error away (see SCORE_DECIMALS in aggregate.ts).
 */
export const THRESHOLD_DECIMALS = 2;
/**
 * A level signal (IC3..IC6 by rank) is compared with the recommendation, where no hire
 * ranks just below IC3: no two are further apart than this, so a larger distance never flags.
 */
export const MAX_LEVEL_DISTANCE = IC_LEVELS.length;
