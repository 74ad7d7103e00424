import { WITHHELD_NOTICE } from "~/domain/scorecards/visibility";

/**
 * Stands where the recommendation, the decision and colleagues' scores would be for a
 * viewer who still owes a scorecard for this candidate (independent scoring).
 */
export function WithheldNotice() {
  return (
    <section id="recommendation" aria-labelledby="withheld-heading" className="mt-10 break-inside-avoid-page">
      <h2 id="withheld-heading" className="text-lg font-semibold">
        Recommendation and scores withheld
      </h2>
      <p role="note" className="mt-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900" data-testid="scores-withheld">
        {WITHHELD_NOTICE}
      </p>
    </section>
  );
}

/** On reports across candidates (calibration, analytics, simulation): how many were left out for the viewer. */
export function WithheldCandidatesNote({ count }: { count: number }) {
  if (count === 0) return null;
  return (
    <p role="note" className="mt-2 rounded-md border border-amber-300 bg-amber-50 p-2 text-sm text-amber-900" data-testid="candidates-withheld">
      {count === 1 ? "1 candidate you interview is" : `${count} candidates you interview are`} left out until you submit your
      scorecard(s) for them (independent scoring).
    </p>
  );
}
