import { describe, expect, it } from "vitest";
import { checkForm, checkHead, fieldNameRefusal, FORM_SHAPE_LIMITS } from "./request-guard.server";

describe("fieldNameRefusal", () => {
  it.each([
    "email",
    "roles",
    "ratings.problem-framing-and-metrics.evidence",
    "criteria[5].questions[9]",
    "criteria[5].anchors[3]",
    "policy.scoreLevels.IC4.minMean",
    `a[${FORM_SHAPE_LIMITS.maxIndex}]`,
    `a${".b".repeat(FORM_SHAPE_LIMITS.maxDepth - 1)}`,
    "x".repeat(FORM_SHAPE_LIMITS.maxNameLength),
  ])("accepts %s (within the bounds of the app's real forms)", (name) => {
    expect(fieldNameRefusal(name)).toBeNull();
  });

  it.each([
    ["an index over the bound", `email[${FORM_SHAPE_LIMITS.maxIndex + 1}]`],
    ["the issue's index", "email[100000000]"],
    ["2^31", `criteria[${2 ** 31}].title`],
    ["an index of 400 digits", `email[${"9".repeat(400)}]`],
    ["depth over the bound", `a${".b".repeat(FORM_SHAPE_LIMITS.maxDepth)}`],
    ["5,000 levels of brackets", `email${"[0]".repeat(5_000)}`],
    ["5,000 levels of dots", `a${".a".repeat(5_000)}`],
    ["a long name", "x".repeat(FORM_SHAPE_LIMITS.maxNameLength + 1)],
    ["a prototype path", "__proto__.polluted"],
    ["a malformed path", "a..b"],
  ])("refuses %s with a 400", (_label, name) => {
    expect(fieldNameRefusal(name)?.status).toBe(400);
  });
});

describe("checkHead", () => {
  const head = (method: string, url = "/") => ({ method, url, contentType: "application/x-www-form-urlencoded" });

  it.each(["TRACE", "PROPFIND", "PUT", "DELETE", "PATCH", "OPTIONS"])("answers %s with 405", (method) => {
    expect(checkHead(head(method))?.status).toBe(405);
  });

  it("refuses legacy ?_data requests, and nothing else named like it", () => {
    expect(checkHead(head("GET", "/login?_data=routes%2Flogin"))?.status).toBe(400);
    expect(checkHead(head("GET", "/login?a=1&_data"))?.status).toBe(400);
    expect(checkHead(head("GET", "/candidates?q=_data"))).toBeNull();
    expect(checkHead(head("GET", "/candidates?my_data=1"))).toBeNull();
  });
});

describe("checkForm", () => {
  const post = (entries: [string, string][]) => {
    const body = Buffer.from(new URLSearchParams(entries).toString());
    const request = new Request("http://app.test/admin/rubrics/code_quality", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body,
    });
    return checkForm(request, body);
  };
  const fields = (count: number) => Array.from({ length: count }, (_, i): [string, string] => [`f${i}`, "x"]);

  it("accepts as many fields as the bound, and a list intent of the rubric editor", async () => {
    expect(await post(fields(FORM_SHAPE_LIMITS.maxFields))).toBeNull();
    expect(await post([["__intent__", JSON.stringify({ type: "remove", payload: { name: "criteria", index: 2 } })]])).toBeNull();
  });

  it("refuses one field more than the bound, before parsing the form", async () => {
    expect((await post(fields(FORM_SHAPE_LIMITS.maxFields + 1)))?.status).toBe(400);
  });

  it.each([
    ["a value nested 5,000 deep", `{"type":"update","payload":{"name":"criteria","value":${"[".repeat(5_000)}${"]".repeat(5_000)}}}`],
    ["a sparse path", JSON.stringify({ type: "update", payload: { name: "criteria[100000000]", value: "x" } })],
    ["a position of 2^31", JSON.stringify({ type: "insert", payload: { name: "criteria", index: 2 ** 31 } })],
    ["a negative position", JSON.stringify({ type: "remove", payload: { name: "criteria", index: -1 } })],
  ])("refuses a Conform intent with %s", async (_label, intent) => {
    expect((await post([["__intent__", intent]]))?.status).toBe(400);
  });

  it("counts brackets inside JSON strings as text, not nesting", async () => {
    const intent = JSON.stringify({ type: "update", payload: { name: "criteria[0].title", value: "[".repeat(5_000) } });
    expect(await post([["__intent__", intent]])).toBeNull();
  });
});
