/**
 * The candidate packet as CSV for a hiring manager's spreadsheet: one row per criterion
 * rating, then summary rows. Cells are quoted per RFC 4180 and defused against formula
 * injection (a spreadsheet must never run a candidate's or interviewer's text).
 */
import type { Level } from "../levels";
import type { RecommendationStatus } from "../leveling/types";
import { EVIDENCE_STATUS_LABELS, PRODUCTION_CAPABILITY_LABELS, type EvidenceStatus, type ProductionCapability } from "../scorecards/scorecard-fields";
import { WITHHELD_NOTICE } from "../scorecards/visibility";
import { describeDecidedLevel } from "./decision-fields";
import { describeOutcome, formatMeanScore, formatUsdBand, type RecommendationView } from "./recommendation-view";

export type CsvValue = string | number | null | undefined;

/** Characters a spreadsheet reads as the start of a formula (OWASP's list). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One cell: a leading formula character is neutralised with `'`, then the cell is quoted
 * when it holds a quote, comma or line break (quotes doubled).
 */
export function csvCell(value: CsvValue): string {
  let text = value === null || value === undefined ? "" : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Rows joined with CRLF (RFC 4180), ending with one; a BOM so spreadsheet apps read UTF-8. */
export function toCsv(rows: readonly (readonly CsvValue[])[]): string {
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(",")).join("\r\n")}\r\n`;
}

/** "Sofía Martínez" → "sofia-martinez"; never empty, never more than 60 characters. */
export function fileSlug(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .slice(0, 60)
    .replace(/^-+|-+$/g, "");
  return slug || "candidate";
}

export type PacketCsvInput = {
  candidateName: string;
  scorecards: readonly {
    areaName: string;
    interviewerName: string;
    rubricVersion: number;
    score: number | null;
    ratings: readonly { criterion: string; weight: number; score: number; evidence: string }[];
    production: readonly { capability: ProductionCapability; status: EvidenceStatus; note: string }[];
  }[];
  recommendation: RecommendationView | null;
  /** The reader still owes a scorecard for this candidate: `scorecards` are only theirs, and the summary is a notice. */
  withheld?: boolean;
  decision: {
    kind: "accept" | "override";
    level: Level | null;
    recommendationStatus: RecommendationStatus;
    recommendedLevel: Level | null;
    policyVersion: number;
    reason: string;
    decidedByName: string;
    decidedAt: string;
  } | null;
};

export const PACKET_CSV_HEADER = [
  "Record",
  "Candidate",
  "Area",
  "Interviewer",
  "Rubric version",
  "Criterion",
  "Weight",
  "Score",
  "Evidence or detail",
] as const;

export function packetCsv(packet: PacketCsvInput): string {
  const name = packet.candidateName;
  /** A summary row: the record kind, then only the columns that apply. */
  const summary = (record: string, fields: { area?: string; interviewer?: string; criterion?: string; score?: string; detail?: string }) => [
    record,
    name,
    fields.area ?? "",
    fields.interviewer ?? "",
    "",
    fields.criterion ?? "",
    "",
    fields.score ?? "",
    fields.detail ?? "",
  ];

  const rows: CsvValue[][] = [[...PACKET_CSV_HEADER]];
  for (const scorecard of packet.scorecards) {
    for (const rating of scorecard.ratings) {
      rows.push([
        "Rating",
        name,
        scorecard.areaName,
        scorecard.interviewerName,
        scorecard.rubricVersion,
        rating.criterion,
        rating.weight,
        rating.score,
        rating.evidence,
      ]);
    }
  }
  for (const scorecard of packet.scorecards) {
    rows.push([
      "Scorecard score",
      name,
      scorecard.areaName,
      scorecard.interviewerName,
      scorecard.rubricVersion,
      "",
      "",
      formatMeanScore(scorecard.score),
      "Weighted by the rubric's criterion weights",
    ]);
    for (const item of scorecard.production) {
      rows.push(
        summary("Production evidence", {
          area: scorecard.areaName,
          interviewer: scorecard.interviewerName,
          criterion: PRODUCTION_CAPABILITY_LABELS[item.capability],
          detail: item.note ? `${EVIDENCE_STATUS_LABELS[item.status]}: ${item.note}` : EVIDENCE_STATUS_LABELS[item.status],
        }),
      );
    }
  }

  if (packet.withheld) {
    rows.push(summary("Withheld", { detail: WITHHELD_NOTICE }));
    return toCsv(rows);
  }
  const recommendation = packet.recommendation;
  if (recommendation) {
    for (const area of recommendation.areas) {
      const count = area.scores.length;
      rows.push(
        summary("Area mean", {
          area: area.name,
          score: formatMeanScore(area.mean),
          detail: count === 0 ? "No submitted scorecard" : `${count} ${count === 1 ? "interviewer" : "interviewers"}`,
        }),
      );
    }
    rows.push(
      summary("Recommendation", {
        detail: `${describeOutcome(recommendation.status, recommendation.level)} (leveling policy version ${recommendation.policyVersion})`,
      }),
    );
    rows.push(summary("Band", { detail: recommendation.band ? formatUsdBand(recommendation.band) : "None" }));
    if (recommendation.premiumBand) {
      rows.push(summary("Band with FAANG-type premium", { detail: formatUsdBand(recommendation.premiumBand) }));
    }
    for (const item of recommendation.production) {
      rows.push(summary("Production capability", { criterion: item.label, detail: item.evidenced ? "Evidenced" : "Not evidenced" }));
    }
    for (const flag of recommendation.flags) rows.push(summary("Flag", { detail: flag.message }));
    recommendation.explanation.forEach((step, index) =>
      rows.push(summary("Explanation", { criterion: `Step ${index + 1} (${step.outcome.replace("_", " ")})`, detail: step.message })),
    );
  } else {
    rows.push(summary("Recommendation", { detail: "Not computed yet" }));
  }

  const decision = packet.decision;
  if (decision) {
    const how = decision.kind === "accept" ? "Accepted the recommendation" : "Overrode the recommendation";
    rows.push(
      summary("Decision", {
        detail: `${describeDecidedLevel(decision.level)} — ${how} (${describeOutcome(decision.recommendationStatus, decision.recommendedLevel)}, policy version ${decision.policyVersion}) by ${decision.decidedByName} on ${decision.decidedAt.slice(0, 10)}`,
      }),
    );
    rows.push(summary("Decision reason", { detail: decision.reason || "None (the recommendation was accepted)" }));
  } else {
    rows.push(summary("Decision", { detail: "Undecided" }));
    rows.push(summary("Decision reason", { detail: "" }));
  }
  return toCsv(rows);
}
