import { LEVEL_TITLES, type Level } from "../levels";
import { formatBand } from "./format";
import type { LevelingPolicy } from "./policy";
import type { ExplanationStep, SalaryBand } from "./types";

export function payFor(
  level: Level,
  faangExperience: boolean,
  policy: LevelingPolicy,
): { band: SalaryBand; premiumBand: SalaryBand | null; steps: ExplanationStep[] } {
  const band = { ...policy.bands[level] };
  const bandStep: ExplanationStep = {
    rule: "band",
    outcome: "info",
    message: `Band for ${level} (${LEVEL_TITLES[level]}): ${formatBand(band)}`,
  };
  if (!faangExperience) {
    return {
      band,
      premiumBand: null,
      steps: [bandStep, { rule: "premium", outcome: "not_met", message: "No FAANG-type experience: no premium" }],
    };
  }
  const premium = policy.faangPremiumPercent;
  const premiumBand = withPremium(band, premium);
  return {
    band,
    premiumBand,
    steps: [
      bandStep,
      {
        rule: "premium",
        outcome: "met",
        message: `FAANG-type experience: premium +${premium.min}% to +${premium.max}% gives ${formatBand(premiumBand)}`,
      },
    ],
  };
}

/** The premium raises the band's min by the smallest and its max by the largest percentage; whole dollars. */
export function withPremium(band: SalaryBand, percent: { min: number; max: number }): SalaryBand {
  return {
    min: Math.round((band.min * (100 + percent.min)) / 100),
    max: Math.round((band.max * (100 + percent.max)) / 100),
  };
}
