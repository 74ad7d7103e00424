import { describe, expect, it } from "vitest";
import { listLocalCopies, localCopyKey, removeLocalCopy, retryDelayMs, sameValues, writeLocalCopy } from "./local-copies";

class MemoryStorage implements Storage {
  private items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
}

describe("local copies", () => {
  it("lists one scorecard's copies, newest first, and not another's", () => {
    const storage = new MemoryStorage();
    writeLocalCopy(storage, { scorecardId: "sc1", version: 3, tabId: "a", savedAt: 100, values: { recommendation: "yes" } });
    writeLocalCopy(storage, { scorecardId: "sc1", version: 4, tabId: "b", savedAt: 200, values: { recommendation: "no" } });
    writeLocalCopy(storage, { scorecardId: "sc10", version: 1, tabId: "c", savedAt: 300, values: {} });
    const copies = listLocalCopies(storage, "sc1");
    expect(copies.map((copy) => [copy.version, copy.tabId, copy.values.recommendation])).toEqual([
      [4, "b", "no"],
      [3, "a", "yes"],
    ]);
    expect(copies[0]?.key).toBe(localCopyKey("sc1", 4, "b"));
  });

  it("drops entries it cannot read", () => {
    const storage = new MemoryStorage();
    storage.setItem(localCopyKey("sc1", 2, "a"), "{not json");
    storage.setItem(localCopyKey("sc1", 2, "b"), JSON.stringify({ savedAt: "yesterday", values: {} }));
    expect(listLocalCopies(storage, "sc1")).toEqual([]);
    expect(storage.length).toBe(0);
  });

  it("removes a copy by key", () => {
    const storage = new MemoryStorage();
    writeLocalCopy(storage, { scorecardId: "sc1", version: 1, tabId: "a", savedAt: 1, values: {} });
    removeLocalCopy(storage, localCopyKey("sc1", 1, "a"));
    expect(storage.length).toBe(0);
  });

  it("reports a full storage as a failed write", () => {
    const storage = new MemoryStorage();
    storage.setItem = () => {
      throw new Error("QuotaExceededError");
    };
    expect(writeLocalCopy(storage, { scorecardId: "sc1", version: 1, tabId: "a", savedAt: 1, values: {} })).toBe(false);
  });
});

describe("sameValues", () => {
  it("ignores surrounding whitespace and blank fields, as the server does", () => {
    expect(sameValues({ a: " text \n", b: "", c: "  " }, { a: "text" })).toBe(true);
  });

  it("sees a changed, added or removed answer", () => {
    expect(sameValues({ a: "1" }, { a: "2" })).toBe(false);
    expect(sameValues({ a: "1" }, { a: "1", b: "x" })).toBe(false);
    expect(sameValues({ a: "1", b: "x" }, { a: "1" })).toBe(false);
  });
});

describe("retryDelayMs", () => {
  it("doubles from about a second and stops at thirty", () => {
    const middle = () => 0.5;
    expect([0, 1, 2, 3, 4, 5, 6, 10].map((attempt) => retryDelayMs(attempt, middle))).toEqual([
      1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000,
    ]);
  });

  it("stays within ±20 % of the step", () => {
    expect(retryDelayMs(1, () => 0)).toBe(1600);
    expect(retryDelayMs(1, () => 1)).toBe(2400);
  });
});
