import type { IcLevel } from "../levels";
import { icRank, LEVEL_BELOW } from "./ordering";
import type { LevelingPolicy, ScoredLevel } from "./policy";
import {
  PRODUCTION_CAPABILITIES,
  PRODUCTION_CAPABILITY_NAMES,
  type CandidateEvidence,
  type ExplanationStep,
  type ProductionCapability,
  type RuleName,
} from "./types";

/** The firm's rule, deliberately not a policy setting: without production experience, at most IC3. */
const PRODUCTION_CAP: IcLevel = "IC3";

interface GateNames {
  gate: string;
  evidence: string;
}

const LIFECYCLE: GateNames = {
  gate: "Lifecycle gate",
  evidence: "full-lifecycle ownership through deployment, monitoring and iteration",
};

const SHARED_INFRASTRUCTURE: GateNames = {
  gate: "Shared-infrastructure gate",
  evidence: "shared ML infrastructure that other engineers used",
};

interface Requirement {
  rule: RuleName;
  met: boolean;
  /** The highest level allowed when the requirement is not met. */
  capAt: IcLevel;
  /** Set only when met. */
  metMessage: string;
  /** What is missing, e.g. "no interviewer evidenced …"; set only when not met. */
  shortfall: string;
}

/** Production cap, lifecycle gate, shared-infrastructure gate — in that order. */
export function applyCaps(
  scoreLevel: IcLevel,
  evidence: CandidateEvidence,
  policy: LevelingPolicy,
): { level: IcLevel; steps: ExplanationStep[] } {
  const requirements = [
    productionRequirement(evidence, policy),
    gateRequirement("lifecycle_gate", evidence.lifecycleOwnership, policy.gates.lifecycleOwnershipFrom, LIFECYCLE),
    gateRequirement(
      "shared_infrastructure_gate",
      evidence.sharedInfrastructure,
      policy.gates.sharedInfrastructureFrom,
      SHARED_INFRASTRUCTURE,
    ),
  ];
  let level = scoreLevel;
  const steps: ExplanationStep[] = [];
  for (const requirement of requirements) {
    const applied = applyRequirement(level, requirement);
    level = applied.level;
    steps.push(applied.step);
  }
  return { level, steps };
}

function applyRequirement(level: IcLevel, requirement: Requirement): { level: IcLevel; step: ExplanationStep } {
  const { rule, met, capAt, metMessage, shortfall } = requirement;
  if (met) return { level, step: { rule, outcome: "met", message: metMessage } };
  if (icRank(level) > icRank(capAt)) {
    return { level: capAt, step: { rule, outcome: "capped", message: `Capped at ${capAt}: ${shortfall}` } };
  }
  return { level, step: { rule, outcome: "not_met", message: `No effect at ${level}: ${shortfall}` } };
}

// Only the message that applies is built (metMessage when met, shortfall otherwise): these
// run for every recommendation and the unused half was pure string-building cost.
function productionRequirement(evidence: CandidateEvidence, policy: LevelingPolicy): Requirement {
  const evidenced = PRODUCTION_CAPABILITIES.filter((capability) => evidence.production[capability]);
  const met = evidenced.length >= policy.production.minCapabilities;
  const needs = `needs at least ${policy.production.minCapabilities} of ${PRODUCTION_CAPABILITIES.length}`;
  let shortfall = "";
  if (!met) {
    const missing = PRODUCTION_CAPABILITIES.filter((capability) => !evidence.production[capability]);
    const notEvidenced = `${names(missing)} not evidenced by any interviewer (${needs})`;
    shortfall =
      evidenced.length === 0
        ? `no production experience — ${notEvidenced}`
        : `not enough production experience — only ${names(evidenced)} evidenced; ${notEvidenced}`;
  }
  return {
    rule: "production_cap",
    met,
    capAt: PRODUCTION_CAP,
    metMessage: met ? `Production experience: ${names(evidenced)} evidenced (${needs})` : "",
    shortfall,
  };
}

function gateRequirement(rule: RuleName, met: boolean, from: ScoredLevel, names: GateNames): Requirement {
  return {
    rule,
    met,
    capAt: LEVEL_BELOW[from],
    metMessage: met ? `${names.gate} met: ${names.evidence} evidenced (needed from ${from})` : "",
    shortfall: met ? "" : `no interviewer evidenced ${names.evidence} (needed from ${from})`,
  };
}

function names(capabilities: readonly ProductionCapability[]): string {
  return capabilities.map((capability) => PRODUCTION_CAPABILITY_NAMES[capability]).join(", ");
}
