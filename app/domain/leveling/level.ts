import type { ScreenAreaKey } from "../screen-areas";
import { applyCaps } from "./caps";
import { checkCompleteness } from "./completeness";
import { collectFlags, flagsStep } from "./flags";
import { applyManagerTrack } from "./manager-track";
import { payFor } from "./pay";
import type { LevelingPolicy } from "./policy";
import { checkHireBar, scoreLevel } from "./score-rules";
import type { CandidateEvidence, ExplanationStep, Recommendation } from "./types";

type Decision = Pick<Recommendation, "status" | "level" | "band" | "premiumBand">;

/**
 * Candidate evidence + policy → recommendation. Rules run in this order: completeness,
 * hire bar, score level, production cap, lifecycle gate, shared-infrastructure gate,
 * manager track, band and premium, flags.
 */
export function level(evidence: CandidateEvidence, policy: LevelingPolicy): Recommendation {
  const completeness = checkCompleteness(evidence);
  if (!completeness.complete) {
    const incomplete: Decision = { status: "incomplete", level: null, band: null, premiumBand: null };
    return withFlags(incomplete, [completeness.step], completeness.missing, evidence, policy);
  }

  const hireBar = checkHireBar(completeness.scores, policy);
  if (!hireBar.met) {
    const noHire: Decision = { status: "no_hire", level: null, band: null, premiumBand: null };
    return withFlags(noHire, [completeness.step, hireBar.step], [], evidence, policy);
  }

  const scored = scoreLevel(completeness.scores, policy);
  const capped = applyCaps(scored.level, evidence, policy);
  const manager = evidence.track === "M" ? applyManagerTrack(capped.level, evidence, policy) : undefined;
  const recommended = manager?.level ?? capped.level;
  const pay = payFor(recommended, evidence.faangExperience, policy);

  // Built by push, not spreads: level() runs for every candidate in what-if simulations.
  const steps = [completeness.step, hireBar.step, scored.step];
  for (const step of capped.steps) steps.push(step);
  if (manager) steps.push(manager.step);
  for (const step of pay.steps) steps.push(step);
  const decision: Decision = {
    status: "recommended",
    level: recommended,
    band: pay.band,
    premiumBand: pay.premiumBand,
  };
  return withFlags(decision, steps, [], evidence, policy);
}

function withFlags(
  decision: Decision,
  steps: ExplanationStep[],
  missing: readonly ScreenAreaKey[],
  evidence: CandidateEvidence,
  policy: LevelingPolicy,
): Recommendation {
  const flags = collectFlags(evidence, decision, missing, policy);
  steps.push(flagsStep(flags)); // `steps` is always a fresh array built by level()
  // Same keys in the same order as `{ ...decision, flags, explanation, policyVersion }`
  // (the CLI prints this object as JSON), without the spread's generic copy.
  return {
    status: decision.status,
    level: decision.level,
    band: decision.band,
    premiumBand: decision.premiumBand,
    flags,
    explanation: steps,
    policyVersion: policy.version,
  };
}
