/**
 * The scorecard's vocabulary without zod: choices, labels, limits and field names.
 * The page's client bundle imports these; the schemas in scorecard-form.ts build on them.
 */
export const RECOMMENDATIONS = ["strong_no", "no", "yes", "strong_yes"] as const;
export type Recommendation = (typeof RECOMMENDATIONS)[number];
export const RECOMMENDATION_LABELS: Record<Recommendation, string> = {
  strong_no: "Strong no",
  no: "No",
  yes: "Yes",
  strong_yes: "Strong yes",
};

export const PRODUCTION_CAPABILITIES = ["serving", "monitoring", "featureStore", "modelCicd"] as const;
export type ProductionCapability = (typeof PRODUCTION_CAPABILITIES)[number];
export const PRODUCTION_CAPABILITY_LABELS: Record<ProductionCapability, string> = {
  serving: "Serving",
  monitoring: "Monitoring",
  featureStore: "Feature stores",
  modelCicd: "CI/CD for models",
};

export const EVIDENCE_STATUSES = ["evidenced", "not_evidenced", "not_discussed"] as const;
export type EvidenceStatus = (typeof EVIDENCE_STATUSES)[number];
export const EVIDENCE_STATUS_LABELS: Record<EvidenceStatus, string> = {
  evidenced: "Evidenced",
  not_evidenced: "Not evidenced",
  not_discussed: "Not discussed",
};

export const YES_NO = ["yes", "no"] as const;
export type YesNo = (typeof YES_NO)[number];

export const EXPERIENCE_QUESTIONS = ["lifecycleOwnership", "sharedInfrastructure", "peopleManagement"] as const;
export type ExperienceQuestion = (typeof EXPERIENCE_QUESTIONS)[number];
export const EXPERIENCE_QUESTION_LABELS: Record<ExperienceQuestion, string> = {
  lifecycleOwnership: "Full-lifecycle ownership",
  sharedInfrastructure: "Shared ML infrastructure",
  peopleManagement: "People management",
};

export const SCORECARD_LIMITS = {
  evidenceMaxLength: 5000,
  noteMaxLength: 2000,
  /** Whitespace is not counted, so padding cannot pass for evidence. */
  evidenceMinNonBlankCharacters: 20,
} as const;

/**
 * The field-naming convention documented at the top of scorecard-form.ts. The same
 * string is the FormData name, the Conform field name and the key of its errors.
 */
export const scorecardFieldNames = {
  score: (criterionKey: string) => `ratings.${criterionKey}.score`,
  evidence: (criterionKey: string) => `ratings.${criterionKey}.evidence`,
  productionStatus: (capability: ProductionCapability) => `production.${capability}.status`,
  productionNote: (capability: ProductionCapability) => `production.${capability}.note`,
  recommendation: "recommendation",
  levelSignal: "levelSignal",
  noteForLaterInterviewers: "noteForLaterInterviewers",
} as const;
