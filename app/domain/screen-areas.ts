/** The five screen areas of the firm's evaluation, in the order interviews run. */
export const SCREEN_AREA_KEYS = [
  "problem_formulation",
  "feature_engineering",
  "model_development",
  "ml_system_design",
  "code_quality",
] as const;

export type ScreenAreaKey = (typeof SCREEN_AREA_KEYS)[number];

export const SCREEN_AREA_NAMES: Record<ScreenAreaKey, string> = {
  problem_formulation: "Problem formulation",
  feature_engineering: "Feature engineering",
  model_development: "Model development",
  ml_system_design: "ML system design",
  code_quality: "Code quality",
};

export function isScreenAreaKey(value: string): value is ScreenAreaKey {
  return (SCREEN_AREA_KEYS as readonly string[]).includes(value);
}
