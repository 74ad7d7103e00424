import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor } from "./cursor";

describe("cursors", () => {
  it("round-trip any position", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("1970-01-01"), max: new Date("2999-12-31"), noInvalidDate: true }), fc.uuid(), (createdAt, id) => {
        expect(decodeCursor(encodeCursor({ createdAt, id }))).toEqual({ createdAt, id });
      }),
    );
  });

  it("refuse anything the API did not issue", () => {
    const forged = (text: string) => Buffer.from(text, "utf8").toString("base64url");
    for (const cursor of ["", "!!", "a".repeat(201), forged("x|y"), forged("2030-01-01T00:00:00.000Z|not-a-uuid"),
      forged("2030-01-01|0b8e0f7e-1c2d-4e5f-8a9b-0c1d2e3f4a5b"), forged("2030-01-01T00:00:00.000Z|0b8e0f7e-1c2d-4e5f-8a9b-0c1d2e3f4a5b|x")]) {
      expect(decodeCursor(cursor), cursor).toBeNull();
    }
    fc.assert(fc.property(fc.string(), (text) => {
      const decoded = decodeCursor(text);
      if (decoded) expect(encodeCursor(decoded)).toBe(text);
    }));
  });
});
