/**
 * Levels one candidate from area means: `tsx scripts/level.ts <evidence.json | -> [--policy <policy.json>]`.
 * Prints the recommendation as JSON; invalid arguments, files or fields exit 2 with one line on stderr.
 */
import { readFileSync } from "node:fs";
import {
  DEFAULT_POLICY,
  describeIssue,
  level,
  parseEvidenceInput,
  parsePolicy,
  type LevelingPolicy,
  type ParseResult,
  type Recommendation,
} from "../app/domain/leveling";

const USAGE = "usage: level <evidence.json | -> [--policy <policy.json>]";

/** A problem with the caller's arguments or files; its message is the whole diagnostic. */
class UsageError extends Error {}

interface Args {
  inputPath: string;
  policyPath: string | undefined;
}

function parseArgs(argv: readonly string[]): Args {
  const positional: string[] = [];
  let policyPath: string | undefined;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? "";
    if (arg === "--policy") {
      policyPath = argv[i + 1];
      if (policyPath === undefined) throw new UsageError(`--policy needs a file; ${USAGE}`);
      i += 1;
    } else if (arg.startsWith("--")) {
      throw new UsageError(`unknown option ${arg}; ${USAGE}`);
    } else {
      positional.push(arg);
    }
  }
  const [inputPath, ...extra] = positional;
  if (inputPath === undefined || extra.length > 0) throw new UsageError(USAGE);
  return { inputPath, policyPath };
}

function errorMessage(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).replace(/\s+/g, " ").trim();
}

function readJson(path: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(path === "-" ? 0 : path, "utf8");
  } catch (error) {
    throw new UsageError(`cannot read ${what} ${path === "-" ? "from stdin" : path}: ${errorMessage(error)}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new UsageError(`invalid ${what}: not valid JSON (${errorMessage(error)})`);
  }
}

function valid<T>(result: ParseResult<T>, what: string): T {
  if (result.ok) return result.value;
  const [first, ...more] = result.issues;
  const rest = more.length > 0 ? ` (and ${more.length} more)` : "";
  throw new UsageError(`invalid ${what}: ${first ? describeIssue(first) : "rejected"}${rest}`);
}

function toOutput(recommendation: Recommendation) {
  const { status, level, band, premiumBand, flags, explanation, policyVersion } = recommendation;
  return {
    status,
    level,
    band,
    premiumBand,
    flags,
    explanation: explanation.map((step) => step.message),
    policyVersion,
  };
}

function main(argv: readonly string[]): void {
  const args = parseArgs(argv);
  const evidence = valid(parseEvidenceInput(readJson(args.inputPath, "input")), "input");
  const policy: LevelingPolicy = args.policyPath
    ? valid(parsePolicy(readJson(args.policyPath, "policy")), "policy")
    : DEFAULT_POLICY;
  process.stdout.write(`${JSON.stringify(toOutput(level(evidence, policy)), null, 2)}\n`);
}

try {
  main(process.argv.slice(2));
} catch (error) {
  if (error instanceof UsageError) {
    process.stderr.write(`${error.message}\n`);
    process.exitCode = 2;
  } else {
    process.stderr.write(`internal error: ${errorMessage(error)}\n`);
    process.exitCode = 1;
  }
}
