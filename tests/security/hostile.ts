import fc from "fast-check";
import type { Form } from "./authorization-matrix";

/**
 * Hostile form bodies for the fuzz tests: a valid form of an intent, then a few mutations —
 * a field dropped, replaced by a hostile value, duplicated, or a strange field added.
 */

/** Markup that would run if rendered raw. Each is checked verbatim in pages afterwards. */
export const HTML_PAYLOADS = [
  `<script>alert("xss-1")</script>`,
  `<img src=x onerror=alert("xss-2")>`,
  `"><svg onload=alert("xss-3")>`,
  `</textarea><script>alert("xss-4")</script>`,
  `</script><script>alert("xss-5")</script>`,
  `<a href="javascript:alert('xss-6')">click</a>`,
  `<iframe srcdoc="<script>alert('xss-7')</script>">`,
  `' onmouseover='alert("xss-8")`,
] as const;

export const SQL_PAYLOADS = [
  `' OR '1'='1`,
  `'; DROP TABLE "User"; --`,
  `1; SELECT pg_sleep(5)--`,
  `" OR ""="`,
  `\\'; DELETE FROM "AuditEvent" WHERE ''='`,
  `%' AND 1=0 UNION SELECT "passwordHash" FROM "User" --`,
] as const;

/** Spreadsheet formula starts (CSV injection). */
export const FORMULA_PAYLOADS = [`=HYPERLINK("http://evil.example","x")`, `+1+1`, `-2+3`, `@SUM(1,1)`, `=cmd|' /C calc'!A0`] as const;

const UNICODE_PAYLOADS = [
  "\u202Egnp.exe", // right-to-left override
  "مرحبا بالعالم", // RTL script
  "a\u200Bb\u200C\u200D\uFEFF", // zero-width characters
  "👩🏽‍💻🔥🇨🇴",
  "e\u0301\u0301\u0301", // stacked combining marks
  "\uD800", // lone surrogate (sent as U+FFFD by the encoder)
  "\u0000", // NUL
  "a\u0000b",
  "\u0007\u001b[31m\r\n\t",
  "Ω≈ç√∫˜µ≤≥÷",
] as const;

/** Sent to every numeric field of every action, one field at a time (the rest of the form stays valid). */
export const NUMBER_PAYLOADS = [
  "-1", "0", "1.5", "4.0000001", "5", "99", "-0", "1e309", "-1e309", "NaN", "Infinity", "0x10", "1_000",
  "9007199254740993", "99999999999999999999999", "2147483647", "2147483648", "-2147483648", "-2147483649", "1e308", "-1e308",
  "4294967296", "0.0000001", "1e-7", "+5", "05", "", " ", "١٢", // Arabic-Indic digits
] as const;

const TYPE_PAYLOADS = ["true", "false", "null", "undefined", "[]", "{}", `{"a":1}`, "[object Object]", "on", "off"] as const;

const PROTO_VALUES = ["__proto__", "constructor", "prototype", "toString", "hasOwnProperty"] as const;

/** Field names nobody should trust: prototype paths, Conform-style paths into them, the intent fields. */
export const HOSTILE_KEYS = [
  "__proto__",
  "constructor",
  "prototype",
  "__proto__.polluted",
  "constructor.prototype.polluted",
  "__proto__[polluted]",
  "ratings.__proto__.score",
  "ratings.constructor.evidence",
  "criteria[0].__proto__.title",
  "criteria[99].title",
  "criteria[-1].key",
  "policy.__proto__.x",
  "policy.bands.__proto__.min",
  "production.__proto__.status",
  "intent",
  "__intent__",
  "__state__",
  "version",
  "id",
  "passwordHash",
  "roles",
  "admin",
  "",
] as const;

/**
 * Field names beyond the guard's FORM_SHAPE_LIMITS (index > 1,000, depth > 8, name > 200
 * characters), the shapes that made Conform build huge arrays or nest until the stack
 * overflowed. The examples are the issue's own; the arbitrary draws the whole class: sparse
 * indexes up to 2^31, depths up to 10,000, on a real field of the form or a made-up one.
 */
export const OVERSIZED_NAME_EXAMPLES = [
  "email[100000000]",
  "email[1000000]",
  "roles[10000000]",
  "criteria[2147483648].title",
  `email${"[0]".repeat(5_000)}`,
  `a${".a".repeat(5_000)}`,
  `criteria[0]${".anchors[0]".repeat(2_000)}`,
  `email[${"9".repeat(400)}]`,
  "x".repeat(50_000),
] as const;

export function oversizedFieldName(fields: readonly string[]): fc.Arbitrary<string> {
  const prefix = fc.constantFrom(...fields, "a", "email", "roles", "criteria[0]");
  const depth = fc.integer({ min: 9, max: 10_000 });
  return fc.oneof(
    { weight: 4, arbitrary: fc.tuple(prefix, fc.integer({ min: 1_001, max: 2 ** 31 })).map(([name, index]) => `${name}[${index}]`) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(prefix, fc.integer({ min: 1_001, max: 2 ** 31 }), fc.integer({ min: 0, max: 1_000 }))
        .map(([name, index, inner]) => `${name}[${inner}].x[${index}].y`),
    },
    { weight: 2, arbitrary: fc.tuple(prefix, depth).map(([name, levels]) => name + "[0]".repeat(levels)) },
    { weight: 2, arbitrary: fc.tuple(prefix, depth).map(([name, levels]) => name + ".a".repeat(levels)) },
    { weight: 1, arbitrary: fc.tuple(prefix, depth).map(([name, levels]) => name + "[1].b".repeat(Math.ceil(levels / 2))) },
    { weight: 1, arbitrary: fc.tuple(prefix, fc.integer({ min: 201, max: 20_000 })).map(([name, length]) => name + "x".repeat(length)) },
    { weight: 1, arbitrary: fc.tuple(prefix, fc.integer({ min: 7, max: 400 })).map(([name, digits]) => `${name}[${"9".repeat(digits)}]`) },
  );
}

/** More fields than any page sends (1,001 to 5,000), each harmless on its own. */
export const tooManyFields: fc.Arbitrary<[string, string][]> = fc
  .integer({ min: 1_001, max: 5_000 })
  .map((count) => Array.from({ length: count }, (_, i): [string, string] => [`f${i}`, "x"]));

/** A string of up to ~100 KB, made of a repeated piece that is hostile in itself. */
const hugeString = fc
  .tuple(fc.constantFrom("A", "é", "🔥", "<script>", "' OR 1=1 --", "\u202E", " "), fc.integer({ min: 2_000, max: 100_000 }))
  .map(([piece, length]) => piece.repeat(Math.ceil(length / piece.length)).slice(0, length));

export const hostileValue: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HTML_PAYLOADS) },
  { weight: 2, arbitrary: fc.constantFrom(...SQL_PAYLOADS) },
  { weight: 1, arbitrary: fc.constantFrom(...FORMULA_PAYLOADS) },
  { weight: 3, arbitrary: fc.constantFrom(...UNICODE_PAYLOADS) },
  { weight: 3, arbitrary: fc.constantFrom(...NUMBER_PAYLOADS) },
  { weight: 2, arbitrary: fc.constantFrom(...TYPE_PAYLOADS) },
  { weight: 1, arbitrary: fc.constantFrom(...PROTO_VALUES) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }) },
  { weight: 1, arbitrary: hugeString },
  { weight: 1, arbitrary: fc.uuid() },
);

export type Mutation =
  | { kind: "drop"; field: string }
  | { kind: "replace"; field: string; value: string }
  | { kind: "duplicate"; field: string; value: string }
  | { kind: "add"; field: string; value: string }
  /** The valid value with something hostile after it: passes more validation, reaches deeper. */
  | { kind: "append"; field: string; value: string }
  /** A valid value of another field in this one (wrong type, wrong id). */
  | { kind: "swap"; field: string; from: string };

export function mutationArbitrary(fields: readonly string[]): fc.Arbitrary<Mutation[]> {
  const field = fields.length ? fc.constantFrom(...fields) : fc.constant("intent");
  const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    { weight: 2, arbitrary: field.map((name): Mutation => ({ kind: "drop", field: name })) },
    { weight: 5, arbitrary: fc.record({ field, value: hostileValue }).map((m): Mutation => ({ kind: "replace", ...m })) },
    { weight: 2, arbitrary: fc.record({ field, value: hostileValue }).map((m): Mutation => ({ kind: "duplicate", ...m })) },
    {
      weight: 2,
      arbitrary: fc
        .record({
          field: fc.oneof(fc.constantFrom(...HOSTILE_KEYS), fc.string({ maxLength: 20 }), oversizedFieldName(fields)),
          value: hostileValue,
        })
        .map((m): Mutation => ({ kind: "add", ...m })),
    },
    { weight: 1, arbitrary: fc.record({ field, from: field }).map((m): Mutation => ({ kind: "swap", ...m })) },
    { weight: 4, arbitrary: fc.record({ field, value: hostileValue }).map((m): Mutation => ({ kind: "append", ...m })) },
  );
  return fc.array(mutation, { minLength: 1, maxLength: 6 });
}

/** The base form with the mutations applied, as ordered [name, value] pairs (duplicates kept). */
export function applyMutations(base: Form, mutations: readonly Mutation[]): [string, string][] {
  const entries: [string, string][] = Object.entries(base).flatMap(([name, value]) =>
    (Array.isArray(value) ? value : [value]).map((item): [string, string] => [name, item]),
  );
  let result = entries;
  for (const mutation of mutations) {
    switch (mutation.kind) {
      case "drop":
        result = result.filter(([name]) => name !== mutation.field);
        break;
      case "replace":
        result = result.map(([name, value]): [string, string] => [name, name === mutation.field ? mutation.value : value]);
        break;
      case "duplicate":
        result = [...result, [mutation.field, mutation.value]];
        break;
      case "add":
        result = [...result, [mutation.field, mutation.value]];
        break;
      case "append":
        result = result.map(([name, value]): [string, string] => [name, name === mutation.field ? value + mutation.value : value]);
        break;
      case "swap": {
        const source = result.find(([name]) => name === mutation.from)?.[1] ?? "";
        result = result.map(([name, value]): [string, string] => [name, name === mutation.field ? source : value]);
        break;
      }
    }
  }
  return result;
}

/** Every field replaced at once by one value: the deterministic examples run before the random ones. */
export function everyField(base: Form, value: string): Mutation[] {
  return Object.keys(base)
    .filter((name) => name !== "intent")
    .map((field) => ({ kind: "replace", field, value }));
}

/** Conform's control fields, malformed in each way that used to crash its parser. */
export const BROKEN_CONTROL_FIELDS: [string, string][] = [
  ["__intent__", "not json"],
  ["__intent__", JSON.stringify({ type: "insert", payload: { name: "__proto__" } })],
  ["__intent__", JSON.stringify({ type: "update", payload: { name: "constructor.prototype", value: { polluted: true } } })],
  ["__intent__", JSON.stringify({ type: "remove", payload: { name: "criteria[", index: 0 } })],
  ["__intent__", JSON.stringify({ type: "reorder" })],
  ["__intent__", JSON.stringify({ type: "update", payload: { name: "criteria[100000000]", value: "x" } })],
  ["__intent__", JSON.stringify({ type: "update", payload: { name: `criteria${"[0]".repeat(5_000)}`, value: "x" } })],
  ["__intent__", JSON.stringify({ type: "insert", payload: { name: "criteria", index: 2 ** 31 } })],
  ["__intent__", JSON.stringify({ type: "reorder", payload: { name: "criteria", from: 0, to: 100_000_000 } })],
  ["__intent__", `{"type":"update","payload":{"name":"criteria","value":${"[".repeat(5_000)}${"]".repeat(5_000)}}}`],
  ["__state__", "{"],
  ["__state__", JSON.stringify({ "__proto__.polluted": 1 })],
];

/** The cells of an RFC 4180 CSV document (quotes and doubled quotes understood). */
export function csvCells(text: string): string[] {
  const cells: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === "," || char === "\n") {
      cells.push(cell.replace(/\r$/, ""));
      cell = "";
    } else cell += char;
  }
  if (cell) cells.push(cell);
  return cells.map((value) => value.replace(/^\uFEFF/, ""));
}
