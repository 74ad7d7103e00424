import { SCORECARD_STATUS_LABELS, type ScorecardStatus } from "~/domain/scorecards/status";

const STYLES: Record<ScorecardStatus, string> = {
  not_started: "bg-slate-100 text-slate-700",
  draft: "bg-amber-100 text-amber-800",
  due: "bg-orange-100 text-orange-900",
  overdue: "bg-red-100 text-red-800",
  submitted: "bg-green-100 text-green-800",
};

export function ScorecardStatusBadge({ status }: { status: ScorecardStatus }) {
  return (
    <span className={`inline-block rounded px-2 py-0.5 text-xs font-medium ${STYLES[status]}`}>
      {SCORECARD_STATUS_LABELS[status]}
    </span>
  );
}
