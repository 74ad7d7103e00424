export { aggregate, scoreScorecard, ScorecardRubricMismatchError } from "./aggregate";
export { level } from "./level";
export {
  DEFAULT_POLICY,
  levelingPolicySchema,
  parsePolicy,
  SCORED_LEVELS,
  storedPolicySchema,
  type LevelingPolicy,
  type LevelThresholds,
  type ScoredLevel,
} from "./policy";
export { evidenceInputSchema, parseEvidenceInput, toCandidateEvidence, type EvidenceInput } from "./evidence-input";
export { describeIssue, type InputIssue, type ParseResult } from "./parse-result";
export { levelRank, outcomeRank } from "./ordering";
export { SCORE_TOLERANCE } from "./compare";
export * from "./types";
