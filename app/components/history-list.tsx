import type { HistoryEntry } from "~/models/audit.server";
import { formatDateTimeUtc } from "~/utils/format";

const ACTION_LABELS: Record<string, string> = {
  "candidate.create": "created the candidate",
  "candidate.update": "edited the candidate",
  "interview.assign": "assigned an interview",
  "interview.reassign": "reassigned an interview",
  "interview.cancel": "cancelled an interview",
  "scorecard.submit": "submitted a scorecard",
  "decision.accept": "accepted the recommendation",
  "decision.override": "overrode the recommendation",
  "decision.reopen": "reopened the decision",
};

function summary(entry: Pick<HistoryEntry, "action" | "details">): string | null {
  const details = (entry.details ?? {}) as Record<string, unknown>;
  if (typeof details.withheld === "string") return `Details withheld ${details.withheld}.`;
  if (entry.action === "decision.override" || entry.action === "decision.accept") {
    const parts = [`from ${String(details.from ?? "—")} to ${String(details.to ?? "—")}`, `policy v${String(details.policyVersion ?? "?")}`];
    if (typeof details.reason === "string" && details.reason) parts.push(`reason: “${details.reason}”`);
    return parts.join(" · ");
  }
  return null;
}

/** The candidate's audit trail, newest first, as recruiters read it. */
export function HistoryList({ entries }: { entries: Pick<HistoryEntry, "id" | "at" | "actor" | "action" | "details">[] }) {
  if (entries.length === 0) return <p className="mt-2 text-sm text-slate-600">Nothing recorded yet.</p>;
  return (
    <ol className="mt-3 space-y-2 text-sm">
      {entries.map((entry) => {
        const detail = summary(entry);
        return (
          <li key={entry.id} className="border-l-2 border-slate-200 pl-3">
            <span className="text-slate-500">{formatDateTimeUtc(entry.at)}</span> · <span className="font-medium">{entry.actor}</span>{" "}
            {ACTION_LABELS[entry.action] ?? entry.action}
            {detail ? <div className="text-slate-700">{detail}</div> : null}
          </li>
        );
      })}
    </ol>
  );
}
