import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, it } from "vitest";
import { scorecardFieldNames } from "./scorecard-fields";
import { draftSchemaFor } from "./scorecard-form";

describe("scorecard field names", () => {
  it("are the names the draft schema parses", () => {
    const criteria = [{ key: "prediction-target", title: "Prediction target" }];
    const formData = new FormData();
    formData.set(scorecardFieldNames.score("prediction-target"), "3");
    formData.set(scorecardFieldNames.evidence("prediction-target"), "Named the entity and horizon.");
    formData.set(scorecardFieldNames.productionStatus("modelCicd"), "evidenced");
    formData.set(scorecardFieldNames.productionNote("modelCicd"), "Built the promotion pipeline.");
    formData.set(scorecardFieldNames.recommendation, "yes");
    formData.set(scorecardFieldNames.levelSignal, "IC4");
    formData.set(scorecardFieldNames.noteForLaterInterviewers, "Probe monitoring.");
    const submission = parseWithZod(formData, { schema: draftSchemaFor(criteria) });
    expect(submission.status).toBe("success");
    if (submission.status !== "success") return;
    expect(submission.value.ratings["prediction-target"]).toEqual({ score: 3, evidence: "Named the entity and horizon." });
    expect(submission.value.production.modelCicd).toEqual({ status: "evidenced", note: "Built the promotion pipeline." });
    expect(submission.value).toMatchObject({ recommendation: "yes", levelSignal: "IC4", noteForLaterInterviewers: "Probe monitoring." });
  });
});
