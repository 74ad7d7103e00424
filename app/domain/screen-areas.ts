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

/** What each screen evaluates, in the firm's words. */
export const SCREEN_AREA_DESCRIPTIONS: Record<ScreenAreaKey, string> = {
  problem_formulation:
    "Translate a business problem into a well-defined ML problem: what to predict, for whom, evaluated how, served how.",
  feature_engineering: "Point-in-time correctness; train-serving skew prevented by design.",
  model_development: "Systematic experiment design, evaluation rigour, production awareness from the start.",
  ml_system_design:
    "The complete pipeline from data ingestion through feature store, serving infrastructure and monitoring.",
  code_quality: "Production-quality Python, not notebook code running in prod.",
};
