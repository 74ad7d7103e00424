import { DECISION_KIND_LABELS } from "~/domain/candidates/decision-fields";
import { describeOutcome } from "~/domain/candidates/recommendation-view";
import type { DecisionView } from "~/models/decision.server";
import { formatDateTimeUtc } from "~/utils/format";

/**
 * How a recorded decision was made (accepted or overridden, against which recommendation
 * and policy version, by whom and when) and the written reason, as the candidate page and
 * the packet show it under the decided level.
 */
export function DecisionDetails({ decision }: { decision: DecisionView }) {
  return (
    <>
      <p className="mt-1 text-slate-700">
        {DECISION_KIND_LABELS[decision.kind]} ({describeOutcome(decision.recommendationStatus, decision.recommendedLevel)}, policy version{" "}
        {decision.policyVersion}) · {decision.decidedByName} · {formatDateTimeUtc(decision.decidedAt)}
      </p>
      {decision.reason ? (
        <div className="mt-2">
          <p className="text-slate-500">Reason</p>
          <p className="whitespace-pre-wrap">{decision.reason}</p>
        </div>
      ) : null}
    </>
  );
}
