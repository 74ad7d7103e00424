import { describe, expect, it } from "vitest";
import { countryIn, guessPreset, presetMapping, previewImport } from "./import";

const GREENHOUSE = ["Candidate ID", "First Name", "Last Name", "Email", "Current Company", "Current Title", "Location", "Tags"];
const LEVER = ["Name", "Emails", "Location", "Headline", "Stage", "Origin"];

describe("presets", () => {
  it("map Greenhouse's and Lever's export columns, whatever their case", () => {
    expect(presetMapping(GREENHOUSE, "greenhouse")).toMatchObject({ firstName: 1, lastName: 2, email: 3, currentTitle: 5, country: 6, name: null });
    expect(presetMapping(LEVER.map((header) => header.toUpperCase()), "lever")).toMatchObject({ name: 0, email: 1, country: 2, currentTitle: 3 });
    expect(guessPreset(GREENHOUSE)).toBe("greenhouse");
    expect(guessPreset(LEVER)).toBe("lever");
    expect(guessPreset(["name", "email", "country", "currentTitle", "yearsExperience", "track"])).toBe("ml-leveling");
  });
});

describe("countries", () => {
  it("are found in a location, accents and spelling aside", () => {
    expect(countryIn("São Paulo, Brasil")).toBe("Brazil");
    expect(countryIn("Ciudad de México, México")).toBe("Mexico");
    expect(countryIn("Lima - Perú")).toBe("Peru");
    expect(countryIn("Cubatão, Brazil")).toBe("Brazil");
    expect(countryIn("Santo Domingo, República Dominicana")).toBe("Dominican Republic");
    expect(countryIn("Remote")).toBeNull();
  });
});

describe("preview", () => {
  const rows = [
    GREENHOUSE,
    ["1", "Ana", "Pérez", "ANA@example.com", "Nubank", "ML Engineer", "São Paulo, Brazil", ""],
    ["2", "Luis", "Gómez", "not-an-email", "Rappi", "MLE", "Bogotá, Colombia", ""],
    ["3", "Ana", "Again", "ana@example.com", "X", "MLE", "Lima, Peru", ""],
    ["4", "Sin", "País", "sin@example.com", "X", "MLE", "Remote", ""],
  ];

  it("validates every row with the candidate form's rules and reports errors by line", () => {
    const preview = previewImport(rows, presetMapping(GREENHOUSE, "greenhouse"), { yearsExperience: "5", track: "IC" });
    expect(preview).toMatchObject({ valid: 1, invalid: 3 });
    expect(preview.rows[0]).toMatchObject({ line: 2, ok: true, input: { name: "Ana Pérez", email: "ana@example.com", country: "Brazil", yearsExperience: 5, track: "IC", faangExperience: false } });
    expect(preview.rows[1]).toMatchObject({ line: 3, ok: false, errors: [expect.stringMatching(/email/i)] });
    expect(preview.rows[2]).toMatchObject({ line: 4, ok: false, errors: ["The same email as line 2"] });
    expect(preview.rows[3]).toMatchObject({ line: 5, ok: false, errors: [expect.stringMatching(/country/i)] });
  });

  it("needs a value for required fields the export lacks", () => {
    const preview = previewImport(rows.slice(0, 2), presetMapping(GREENHOUSE, "greenhouse"));
    expect(preview.rows[0]).toMatchObject({ ok: false, errors: expect.arrayContaining([expect.stringMatching(/years/i), expect.stringMatching(/track/i)]) });
  });

  it("reads yes/no and manager spellings", () => {
    const header = ["name", "email", "country", "currentTitle", "yearsExperience", "track", "faangExperience"];
    const preview = previewImport(
      [header, ["Eva", "eva@example.com", "Chile", "EM", "12", "Manager", "sí"], ["Leo", "leo@example.com", "Chile", "MLE", "3", "ic", "no"]],
      presetMapping(header, "ml-leveling"),
    );
    expect(preview.rows.map((row) => (row.ok ? [row.input.track, row.input.faangExperience] : row.errors))).toEqual([["M", true], ["IC", false]]);
  });
});
