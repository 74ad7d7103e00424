import { parseWithZod } from "@conform-to/zod/v4";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LEVELS } from "../levels";
import { criterionKeySchema } from "../rubrics/rubric-validation";
import { RATING_SCORES } from "../rubrics/types";
import {
  checkCompleteness,
  draftSchemaFor,
  PRODUCTION_CAPABILITIES,
  RECOMMENDATIONS,
  submissionSchemaFor,
  YES_NO,
  type ScorecardCriterion,
} from "./scorecard-form";

const nonBlankText = (maxLength: number) =>
  fc.string({ minLength: 1, maxLength }).filter((text) => text.trim() !== "");

const criteriaArbitrary: fc.Arbitrary<ScorecardCriterion[]> = fc.uniqueArray(
  fc.record({
    key: fc.stringMatching(/^[a-z0-9]{1,10}(-[a-z0-9]{1,10}){0,2}$/).filter((key) => criterionKeySchema.safeParse(key).success),
    title: nonBlankText(60),
  }),
  { minLength: 1, maxLength: 6, selector: (criterion) => criterion.key },
);

const evidenceArbitrary = fc
  .string({ minLength: 20, maxLength: 400 })
  .filter((text) => text.replace(/\s/g, "").length >= 20);

const productionEvidenceArbitrary = fc.oneof(
  fc.record({ status: fc.constant("evidenced"), note: nonBlankText(200) }),
  fc.record({
    status: fc.constantFrom("not_evidenced", "not_discussed"),
    note: fc.option(nonBlankText(200), { nil: undefined }),
  }),
);

interface GeneratedForm {
  criteria: ScorecardCriterion[];
  fields: Map<string, string>;
  /** Every field the submission needs, worked out from the rules rather than the code. */
  requiredFields: string[];
}

const completeFormArbitrary: fc.Arbitrary<GeneratedForm> = criteriaArbitrary.chain((criteria) =>
  fc
    .record({
      ratings: fc.array(fc.record({ score: fc.constantFrom(...RATING_SCORES), evidence: evidenceArbitrary }), {
        minLength: criteria.length,
        maxLength: criteria.length,
      }),
      recommendation: fc.constantFrom(...RECOMMENDATIONS),
      levelSignal: fc.constantFrom(...LEVELS),
      production: fc.tuple(...PRODUCTION_CAPABILITIES.map(() => productionEvidenceArbitrary)),
      lifecycleOwnership: fc.constantFrom(...YES_NO),
      sharedInfrastructure: fc.constantFrom(...YES_NO),
      peopleManagement: fc.option(fc.constantFrom(...YES_NO), { nil: undefined }),
      noteForLaterInterviewers: fc.option(nonBlankText(300), { nil: undefined }),
    })
    .map((values) => {
      const fields = new Map<string, string>();
      const requiredFields: string[] = [];
      const put = (name: string, value: string | undefined, required: boolean) => {
        if (value !== undefined) fields.set(name, value);
        if (required) requiredFields.push(name);
      };
      criteria.forEach(({ key }, index) => {
        const rating = values.ratings[index];
        put(`ratings.${key}.score`, String(rating?.score), true);
        put(`ratings.${key}.evidence`, rating?.evidence, true);
      });
      put("recommendation", values.recommendation, true);
      put("levelSignal", values.levelSignal, true);
      PRODUCTION_CAPABILITIES.forEach((capability, index) => {
        const evidence = values.production[index];
        put(`production.${capability}.status`, evidence?.status, true);
        put(`production.${capability}.note`, evidence?.note, evidence?.status === "evidenced");
      });
      put("lifecycleOwnership", values.lifecycleOwnership, true);
      put("sharedInfrastructure", values.sharedInfrastructure, true);
      put("peopleManagement", values.peopleManagement, false);
      put("noteForLaterInterviewers", values.noteForLaterInterviewers, false);
      return { criteria, fields, requiredFields };
    }),
);

function toFormData(fields: Map<string, string>): FormData {
  const formData = new FormData();
  for (const [name, value] of fields) formData.set(name, value);
  return formData;
}

describe("scorecard submission (property)", () => {
  it("accepts any complete scorecard", () => {
    fc.assert(
      fc.property(completeFormArbitrary, ({ criteria, fields }) => {
        const submission = parseWithZod(toFormData(fields), { schema: submissionSchemaFor(criteria) });
        expect(submission.reply().error).toBeUndefined();
        expect(submission.status).toBe("success");
      }),
    );
  });

  it("rejects it when any one required field is removed or left blank, naming that field", () => {
    const caseArbitrary = completeFormArbitrary.chain((form) =>
      fc.record({
        form: fc.constant(form),
        field: fc.constantFrom(...form.requiredFields),
        blankValue: fc.constantFrom(undefined, "", "  \n "),
      }),
    );
    fc.assert(
      fc.property(caseArbitrary, ({ form, field, blankValue }) => {
        const fields = new Map(form.fields);
        if (blankValue === undefined) fields.delete(field);
        else fields.set(field, blankValue);
        const submission = parseWithZod(toFormData(fields), { schema: submissionSchemaFor(form.criteria) });
        expect(submission.status).toBe("error");
        expect(Object.keys(submission.reply().error ?? {})).toEqual([field]);
      }),
    );
  });

  it("agrees with checkCompleteness on any subset of a complete scorecard", () => {
    const caseArbitrary = completeFormArbitrary.chain((form) =>
      fc.record({
        form: fc.constant(form),
        removed: fc.subarray([...form.fields.keys()]),
      }),
    );
    fc.assert(
      fc.property(caseArbitrary, ({ form, removed }) => {
        const fields = new Map(form.fields);
        for (const name of removed) fields.delete(name);
        const formData = toFormData(fields);
        const draft = parseWithZod(formData, { schema: draftSchemaFor(form.criteria) });
        const submission = parseWithZod(formData, { schema: submissionSchemaFor(form.criteria) });
        if (draft.status !== "success") throw new Error("a subset of a valid form must be a valid draft");

        const { complete, missing } = checkCompleteness(draft.value, form.criteria);
        expect(complete).toBe(submission.status === "success");
        expect(missing).toHaveLength(Object.keys(submission.reply().error ?? {}).length);
      }),
    );
  });
});
