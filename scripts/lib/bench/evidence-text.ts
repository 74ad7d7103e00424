import type { ProductionCapability } from "~/domain/scorecards/scorecard-fields";
import type { Random } from "./random";

/**
 * Written evidence as interviewers write it: what was asked about, what the candidate
 * said, how it compares with the bar. Varied enough that pages do not render one string
 * 300,000 times, and always past the 20-character minimum a submission needs.
 */

const OPENINGS: Record<1 | 2 | 3 | 4, readonly string[]> = {
  1: ["Could not explain", "Struggled with", "Did not address", "Gave only a generic answer on"],
  2: ["Partially covered", "Needed prompting on", "Made a reasonable start on", "Touched on but did not finish"],
  3: ["Solid on", "Clearly explained", "Handled well", "Gave a concrete account of"],
  4: ["Excellent on", "Went well beyond the bar on", "Led the discussion on", "Gave a deep, specific answer on"],
};

const CONTEXTS = [
  "the churn model for a telecom operator",
  "a fraud-scoring service at a payments company",
  "ranking for a marketplace search page",
  "demand forecasting for a grocery chain",
  "credit-risk scoring for small-business loans",
  "delivery-time prediction for a food app",
  "recommendations for a streaming catalogue",
  "document classification for an insurer",
  "pricing for a ride-hailing platform",
  "anomaly detection on payment transactions",
] as const;

const CLOSINGS: Record<1 | 2 | 3 | 4, readonly string[]> = {
  1: ["missed the key trade-offs even when prompted.", "answers stayed at the level of the notebook."],
  2: ["some gaps remained after follow-up questions.", "right direction, but the production details were thin."],
  3: ["tied each choice to a concrete production decision.", "answered follow-ups with numbers from their own system."],
  4: [
    "compared alternatives and quantified the trade-offs unprompted.",
    "described failure modes they had hit in production and how they fixed them.",
  ],
};

export function ratingEvidence(random: Random, criterionTitle: string, score: 1 | 2 | 3 | 4): string {
  return `${random.pick(OPENINGS[score])} ${criterionTitle.toLowerCase()} while discussing ${random.pick(CONTEXTS)}; ${random.pick(CLOSINGS[score])}`;
}

const PRODUCTION_NOTES: Record<ProductionCapability, readonly string[]> = {
  serving: [
    "Runs an online inference service at about 2k requests/s with a p99 under 60 ms.",
    "Owns a batch scoring job feeding the CRM nightly, with backfills and retries.",
    "Deployed models behind a gRPC service with shadow traffic before each rollout.",
  ],
  monitoring: [
    "Set up drift and data-quality alerts on input features; described a real incident.",
    "Tracks calibration and business KPIs per segment on a weekly dashboard with alerts.",
  ],
  featureStore: [
    "Built point-in-time correct features in Feast shared between training and serving.",
    "Maintains the team's feature pipelines with backfills and freshness checks.",
  ],
  modelCicd: [
    "Models ship through CI with evaluation gates and automatic rollback on regression.",
    "Retraining pipeline in Airflow with versioned data and a canary deployment step.",
  ],
};

export function productionNote(random: Random, capability: ProductionCapability): string {
  return random.pick(PRODUCTION_NOTES[capability]);
}

const NOTES_FOR_LATER = [
  "Probe the monitoring story: it sounded second-hand.",
  "Ask about the feature store migration they mentioned.",
  "Strong on design; check hands-on code quality.",
  "Clarify how much of the pipeline they built themselves.",
  "Ask about the team they managed during the rewrite.",
] as const;

export function noteForLaterInterviewers(random: Random): string {
  return random.pick(NOTES_FOR_LATER);
}
