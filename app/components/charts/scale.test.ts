import { describe, expect, it } from "vitest";
import { chartNumber, linearScale, shorten, symmetricExtent, ticks } from "./scale";

describe("chart geometry", () => {
  it("maps a domain onto a range and clamps outside it", () => {
    const x = linearScale([1, 4], [100, 400]);
    expect([x(1), x(2.5), x(4), x(0), x(9)]).toEqual([100, 250, 400, 100, 400]);
    const diverging = linearScale([-1, 1], [0, 200]);
    expect(diverging(0)).toBe(100);
  });

  it("makes ticks without drift and a symmetric extent in round steps", () => {
    expect(ticks(1, 4, 0.5)).toEqual([1, 1.5, 2, 2.5, 3, 3.5, 4]);
    expect(ticks(-0.3, 0.3, 0.1)).toEqual([-0.3, -0.2, -0.1, 0, 0.1, 0.2, 0.3]);
    expect(symmetricExtent([0.1, -0.6], 0.25, 0.5)).toBe(0.75);
    expect(symmetricExtent([0.5], 0.25, 0.25)).toBe(0.5);
    expect(symmetricExtent([], 0.25, 0.5)).toBe(0.5);
  });

  it("shortens labels and writes signed numbers", () => {
    expect(shorten("Ana", 10)).toBe("Ana");
    expect(shorten("Bartolomeu Fernandes da Silva", 12)).toBe("Bartolomeu…");
    expect([chartNumber(0.754, true), chartNumber(-0.001, true), chartNumber(-0.5, true), chartNumber(3)]).toEqual(["+0.75", "0.00", "-0.50", "3.00"]);
  });
});
