import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import {
  checkCompleteness,
  draftSchemaFor,
  submissionSchemaFor,
  type ScorecardCriterion,
  type ScorecardDraft,
} from "./scorecard-form";

const criteria: ScorecardCriterion[] = [
  { key: "prediction-target", title: "Prediction target" },
  { key: "metrics", title: "Offline metric" },
];
const draftSchema = draftSchemaFor(criteria);
const submissionSchema = submissionSchemaFor(criteria);

const EVIDENCE = "Defined churn as no order within 30 days of the prediction date.";

/** What the browser posts for a finished scorecard, by field name. */
function completeForm(): Record<string, string> {
  return {
    "ratings.prediction-target.score": "3",
    "ratings.prediction-target.evidence": EVIDENCE,
    "ratings.metrics.score": "4",
    "ratings.metrics.evidence": "Tied precision at the review threshold to analyst hours saved.",
    recommendation: "yes",
    levelSignal: "IC4",
    "production.serving.status": "evidenced",
    "production.serving.note": "Ran an online fraud model at 40 ms p99.",
    "production.monitoring.status": "not_evidenced",
    "production.featureStore.status": "not_discussed",
    "production.modelCicd.status": "evidenced",
    "production.modelCicd.note": "Built the model promotion pipeline with evaluation gates.",
    lifecycleOwnership: "yes",
    sharedInfrastructure: "no",
  };
}

function submit(schema: z.ZodType, fields: Record<string, string>) {
  const formData = new FormData();
  for (const [name, value] of Object.entries(fields)) formData.set(name, value);
  const submission = parseWithZod(formData, { schema });
  return {
    status: submission.status,
    value: submission.status === "success" ? submission.value : undefined,
    /** What the Conform form receives: field name → messages. */
    error: submission.reply().error,
  };
}

function without(name: string): Record<string, string> {
  const { [name]: _removed, ...rest } = completeForm();
  return rest;
}

/** A finished scorecard as saved data rather than form fields. */
const completeDraft: ScorecardDraft = {
  ratings: {
    "prediction-target": { score: 2, evidence: EVIDENCE },
    metrics: { score: 1, evidence: "Suggested accuracy on a 2% positive class." },
  },
  recommendation: "strong_no",
  levelSignal: "IC3",
  production: {
    serving: { status: "not_discussed" },
    monitoring: { status: "evidenced", note: "Owned drift alerts for a pricing model." },
    featureStore: { status: "not_evidenced", note: "Only offline CSV features." },
    modelCicd: { status: "not_discussed" },
  },
  lifecycleOwnership: "no",
  sharedInfrastructure: "no",
  peopleManagement: "no",
  noteForLaterInterviewers: "Probe serving experience.",
};

const emptyDraft: ScorecardDraft = {
  ratings: { "prediction-target": {}, metrics: {} },
  production: { serving: {}, monitoring: {}, featureStore: {}, modelCicd: {} },
};

describe("draftSchemaFor", () => {
  it("accepts an empty form as an empty draft", () => {
    const submission = submit(draftSchema, {});
    expect(submission.status).toBe("success");
    expect(submission.value).toEqual(emptyDraft);
  });

  it("accepts a partial form, converting scores and treating blanks as unanswered", () => {
    const submission = submit(draftSchema, {
      "ratings.metrics.score": "2",
      "ratings.metrics.evidence": "  Named NDCG@10 but not why.  ",
      "ratings.prediction-target.score": "",
      "ratings.prediction-target.evidence": "   ",
      recommendation: "",
    });
    expect(submission.status).toBe("success");
    expect(submission.value).toEqual({
      ...emptyDraft,
      ratings: { "prediction-target": {}, metrics: { score: 2, evidence: "Named NDCG@10 but not why." } },
    });
  });

  it("accepts a saved draft as plain data, with or without string values", () => {
    const saved = { ...emptyDraft, ratings: { ...emptyDraft.ratings, metrics: { score: 1 } }, levelSignal: "M1" };
    expect(draftSchema.parse(saved)).toEqual(saved);
    expect(draftSchema.parse({ ratings: { metrics: { score: "1" } }, levelSignal: "M1" })).toEqual(saved);
  });

  it("drops ratings for criteria that are not in the rubric", () => {
    expect(draftSchema.parse({ ratings: { "not-in-rubric": { score: 4 } } })).toEqual(emptyDraft);
  });

  it("accepts text right at its limit", () => {
    const submission = submit(draftSchema, {
      "ratings.metrics.evidence": "x".repeat(5000),
      "production.serving.note": "x".repeat(2000),
      noteForLaterInterviewers: "x".repeat(2000),
    });
    expect(submission.status).toBe("success");
  });

  it.each([
    ["ratings.metrics.score", "0", "Offline metric: score must be a whole number from 1 to 4"],
    ["ratings.metrics.score", "5", "Offline metric: score must be a whole number from 1 to 4"],
    ["ratings.metrics.score", "2.5", "Offline metric: score must be a whole number from 1 to 4"],
    ["ratings.metrics.score", "high", "Offline metric: score must be a whole number from 1 to 4"],
    ["ratings.metrics.evidence", "x".repeat(5001), "Offline metric: evidence must be at most 5000 characters"],
    ["production.serving.note", "x".repeat(2001), "Serving: note must be at most 2000 characters"],
    ["noteForLaterInterviewers", "x".repeat(2001), "Note for later interviewers must be at most 2000 characters"],
    ["recommendation", "maybe", "Overall recommendation must be one of strong_no, no, yes, strong_yes"],
    ["levelSignal", "IC7", "Level signal must be one of IC3, IC4, IC5, IC6, M1, M2"],
    ["production.monitoring.status", "partly", "Monitoring: status must be one of evidenced, not_evidenced, not_discussed"],
    ["lifecycleOwnership", "sometimes", "Full-lifecycle ownership must be one of yes, no"],
  ])("rejects %s = %j", (field, value, message) => {
    expect(submit(draftSchema, { [field]: value }).error).toEqual({ [field]: [message] });
  });
});

describe("submissionSchemaFor", () => {
  it("accepts a complete form and returns typed values", () => {
    const submission = submit(submissionSchema, completeForm());
    expect(submission.status).toBe("success");
    expect(submission.value).toMatchObject({
      ratings: { "prediction-target": { score: 3, evidence: EVIDENCE }, metrics: { score: 4 } },
      production: { serving: { status: "evidenced" }, featureStore: { status: "not_discussed" } },
      lifecycleOwnership: "yes",
    });
  });

  it("accepts a complete draft given as plain data", () => {
    expect(submissionSchema.parse(completeDraft)).toEqual(completeDraft);
  });

  it.each([
    ["ratings.prediction-target.score", "Prediction target: score is required"],
    ["ratings.prediction-target.evidence", "Prediction target: evidence is required"],
    ["ratings.metrics.score", "Offline metric: score is required"],
    ["ratings.metrics.evidence", "Offline metric: evidence is required"],
    ["recommendation", "Overall recommendation is required"],
    ["levelSignal", "Level signal is required"],
    ["production.serving.status", "Serving: status is required"],
    ["production.serving.note", "Serving: a note is required when evidenced"],
    ["production.monitoring.status", "Monitoring: status is required"],
    ["production.featureStore.status", "Feature stores: status is required"],
    ["production.modelCicd.status", "CI/CD for models: status is required"],
    ["production.modelCicd.note", "CI/CD for models: a note is required when evidenced"],
    ["lifecycleOwnership", "Full-lifecycle ownership: answer yes or no"],
    ["sharedInfrastructure", "Shared ML infrastructure: answer yes or no"],
  ])("rejects a form without %s", (field, message) => {
    expect(submit(submissionSchema, without(field)).error).toEqual({ [field]: [message] });
    expect(submit(submissionSchema, { ...completeForm(), [field]: "  " }).error).toEqual({ [field]: [message] });
  });

  it("rejects evidence with fewer than 20 characters once spaces are ignored", () => {
    const field = "ratings.metrics.evidence";
    const nineteen = "a b c d e f g h i j k l m n o p q r s          ";
    expect(submit(submissionSchema, { ...completeForm(), [field]: nineteen }).error).toEqual({
      [field]: ["Offline metric: evidence needs at least 20 characters, not counting spaces"],
    });
    expect(submit(submissionSchema, { ...completeForm(), [field]: `${nineteen}t` }).status).toBe("success");
  });

  it("needs no note for capabilities that were not evidenced, and no people-management answer", () => {
    const form = completeForm();
    expect(form["production.monitoring.note"]).toBeUndefined();
    expect(form.peopleManagement).toBeUndefined();
    expect(submit(submissionSchema, form).status).toBe("success");
  });

  it("still applies the draft's bounds", () => {
    expect(submit(submissionSchema, { ...completeForm(), "ratings.metrics.score": "7" }).error).toEqual({
      "ratings.metrics.score": ["Offline metric: score must be a whole number from 1 to 4"],
    });
  });

  it("names every missing field of an empty form", () => {
    expect(Object.keys(submit(submissionSchema, {}).error ?? {})).toEqual([
      "ratings.prediction-target.score",
      "ratings.prediction-target.evidence",
      "ratings.metrics.score",
      "ratings.metrics.evidence",
      "recommendation",
      "levelSignal",
      "production.serving.status",
      "production.monitoring.status",
      "production.featureStore.status",
      "production.modelCicd.status",
      "lifecycleOwnership",
      "sharedInfrastructure",
    ]);
  });
});

describe("checkCompleteness", () => {
  it("lists what is left of an empty draft in form order", () => {
    expect(checkCompleteness(emptyDraft, criteria)).toEqual({
      complete: false,
      missing: [
        "Prediction target: score is required",
        "Prediction target: evidence is required",
        "Offline metric: score is required",
        "Offline metric: evidence is required",
        "Overall recommendation is required",
        "Level signal is required",
        "Serving: status is required",
        "Monitoring: status is required",
        "Feature stores: status is required",
        "CI/CD for models: status is required",
        "Full-lifecycle ownership: answer yes or no",
        "Shared ML infrastructure: answer yes or no",
      ],
    });
  });

  it("finds nothing left in a complete draft", () => {
    expect(checkCompleteness(completeDraft, criteria)).toEqual({ complete: true, missing: [] });
  });

  it("lists short evidence and a missing note", () => {
    const draft: ScorecardDraft = {
      ...completeDraft,
      ratings: { ...completeDraft.ratings, metrics: { score: 1, evidence: "Too short." } },
      production: { ...completeDraft.production, monitoring: { status: "evidenced" } },
    };
    expect(checkCompleteness(draft, criteria).missing).toEqual([
      "Offline metric: evidence needs at least 20 characters, not counting spaces",
      "Monitoring: a note is required when evidenced",
    ]);
  });
});
