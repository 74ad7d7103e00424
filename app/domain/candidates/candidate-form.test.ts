import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, it } from "vitest";
import { CANDIDATE_COUNTRIES, candidateEditSchema, candidateFormSchema } from "./candidate-form";

const valid = {
  name: "  Valentina Rojas ",
  email: " Valentina.Rojas@Example.COM ",
  country: "Colombia",
  currentTitle: "Senior ML Engineer",
  yearsExperience: "8",
  track: "IC",
  faangExperience: "on",
  notes: "Referred by a former colleague.",
  recruiterId: "7f1c2a4e-3b5d-4c6e-8f90-1a2b3c4d5e6f",
};

function formData(values: Record<string, string | undefined>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) if (value !== undefined) data.append(key, value);
  return data;
}

/** The field errors as Conform reports them to the form. */
function errorsOf(values: Record<string, string | undefined>, schema = candidateFormSchema) {
  const submission = parseWithZod(formData(values), { schema });
  return submission.status === "success" ? {} : (submission.reply().error ?? {});
}

describe("candidateFormSchema", () => {
  it("accepts a complete form and normalises it", () => {
    expect(candidateFormSchema.parse(valid)).toEqual({
      name: "Valentina Rojas",
      email: "valentina.rojas@example.com",
      country: "Colombia",
      currentTitle: "Senior ML Engineer",
      yearsExperience: 8,
      track: "IC",
      faangExperience: true,
      notes: "Referred by a former colleague.",
      recruiterId: "7f1c2a4e-3b5d-4c6e-8f90-1a2b3c4d5e6f",
    });
  });

  it("gives the same result through Conform's parseWithZod", () => {
    const submission = parseWithZod(formData(valid), { schema: candidateFormSchema });
    expect(submission.status).toBe("success");
    if (submission.status === "success") expect(submission.value).toEqual(candidateFormSchema.parse(valid));
  });

  it("reads an unticked checkbox (absent from the form) as false, through Conform too", () => {
    const { faangExperience: _omitted, ...unticked } = valid;
    expect(candidateFormSchema.parse(unticked).faangExperience).toBe(false);
    const submission = parseWithZod(formData(unticked), { schema: candidateFormSchema });
    expect(submission.status === "success" && submission.value.faangExperience).toBe(false);
  });

  it("treats blank notes and a blank recruiter as not given", () => {
    for (const parse of [
      (values: Record<string, string>) => candidateFormSchema.parse(values),
      (values: Record<string, string>) => {
        const submission = parseWithZod(formData(values), { schema: candidateFormSchema });
        if (submission.status !== "success") throw new Error(JSON.stringify(submission.reply().error));
        return submission.value;
      },
    ]) {
      const value = parse({ ...valid, notes: "   ", recruiterId: "" });
      expect(value.notes).toBe("");
      expect(value.recruiterId).toBeUndefined();
    }
  });

  it("requires every field but notes, the recruiter and the checkbox, with a message per field", () => {
    expect(errorsOf({})).toEqual({
      name: ["Name is required"],
      email: ["Email is required"],
      country: ["Choose a country from the list"],
      currentTitle: ["Current title is required"],
      yearsExperience: ["Years of experience is required"],
      track: ["Choose a track: individual contributor or manager"],
    });
    expect(errorsOf({ ...valid, name: "   ", currentTitle: "" })).toEqual({
      name: ["Name is required"],
      currentTitle: ["Current title is required"],
    });
  });

  it("bounds the lengths of text fields", () => {
    expect(candidateFormSchema.safeParse({ ...valid, name: "x".repeat(120), currentTitle: "y".repeat(120) }).success).toBe(true);
    expect(errorsOf({ ...valid, name: "x".repeat(121), currentTitle: "y".repeat(121), notes: "z".repeat(5001) })).toEqual({
      name: ["Name must be at most 120 characters"],
      currentTitle: ["Current title must be at most 120 characters"],
      notes: ["Notes must be at most 5,000 characters"],
    });
    expect(candidateFormSchema.safeParse({ ...valid, notes: "z".repeat(5000) }).success).toBe(true);
  });

  it("checks the email address", () => {
    expect(errorsOf({ ...valid, email: "not-an-email" })).toEqual({ email: ["Enter a valid email address, like name@example.com"] });
    expect(errorsOf({ ...valid, email: `${"a".repeat(250)}@example.com` })).toEqual({ email: ["Email must be at most 254 characters"] });
  });

  it("accepts only the listed countries, including Other", () => {
    expect(CANDIDATE_COUNTRIES).toContain("Other");
    expect(CANDIDATE_COUNTRIES).toContain("Brazil");
    for (const country of CANDIDATE_COUNTRIES) expect(candidateFormSchema.safeParse({ ...valid, country }).success).toBe(true);
    expect(errorsOf({ ...valid, country: "Atlantis" })).toEqual({ country: ["Choose a country from the list"] });
    expect(errorsOf({ ...valid, country: "colombia" })).toEqual({ country: ["Choose a country from the list"] });
  });

  it("takes years of experience as a whole number from 0 to 60", () => {
    expect(candidateFormSchema.parse({ ...valid, yearsExperience: "0" }).yearsExperience).toBe(0);
    expect(candidateFormSchema.parse({ ...valid, yearsExperience: " 60 " }).yearsExperience).toBe(60);
    expect(errorsOf({ ...valid, yearsExperience: "61" })).toEqual({ yearsExperience: ["Years of experience must be at most 60"] });
    expect(errorsOf({ ...valid, yearsExperience: "-1" })).toEqual({ yearsExperience: ["Years of experience cannot be negative"] });
    expect(errorsOf({ ...valid, yearsExperience: "7.5" })).toEqual({ yearsExperience: ["Enter whole years, like 7"] });
    expect(errorsOf({ ...valid, yearsExperience: "seven" })).toEqual({ yearsExperience: ["Enter a number of years, like 7"] });
  });

  it("knows the two tracks", () => {
    expect(candidateFormSchema.parse({ ...valid, track: "M" }).track).toBe("M");
    expect(errorsOf({ ...valid, track: "manager" })).toEqual({ track: ["Choose a track: individual contributor or manager"] });
  });

  it("refuses a checkbox value a browser would never send", () => {
    expect(errorsOf({ ...valid, faangExperience: "maybe" })).toEqual({ faangExperience: ["Tick the box or leave it empty"] });
  });

  it("refuses a recruiter id that is not an id", () => {
    expect(errorsOf({ ...valid, recruiterId: "alice" })).toEqual({ recruiterId: ["Choose a recruiter from the list"] });
  });
});

describe("candidateEditSchema", () => {
  it("carries the version the edit is based on", () => {
    expect(candidateEditSchema.parse({ ...valid, version: "3" }).version).toBe(3);
  });

  it("refuses a form without a usable version", () => {
    const message = "This form is missing its version. Reload the page and try again.";
    expect(errorsOf({ ...valid }, candidateEditSchema).version?.[0]).toBe(message);
    expect(errorsOf({ ...valid, version: "abc" }, candidateEditSchema).version).toEqual([message]);
    expect(errorsOf({ ...valid, version: "0" }, candidateEditSchema).version).toEqual([message]);
  });
});
