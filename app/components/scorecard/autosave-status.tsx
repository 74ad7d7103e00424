import type { LocalCopyOffer, UseAutosaveResult } from "./use-autosave";

/**
 * The autosave status. The visible text follows every step ("Unsaved changes",
 * "Saving…", "Saved 12:03"); the live region (role=status, polite) only speaks the
 * outcomes, and "Saved 12:03" at most once a minute, so typing is not narrated.
 * Render it from the first paint: a live region added later is often not announced.
 */
export function AutosaveStatus({
  autosave,
  className = "",
}: {
  autosave: Pick<UseAutosaveResult, "state" | "statusText" | "announcement">;
  className?: string;
}) {
  const { state, statusText, announcement } = autosave;
  const tone =
    state.kind === "conflict" || state.kind === "refused"
      ? "rounded-md border border-amber-400 bg-amber-50 px-3 py-2 font-medium text-amber-900"
      : state.kind === "retrying"
        ? "font-medium text-red-700"
        : "text-slate-600";
  return (
    <div className={`no-print text-sm ${className}`}>
      <p aria-hidden="true" className={statusText ? tone : "sr-only"}>
        {statusText}
      </p>
      <p role="status" aria-live="polite" className="sr-only">
        {announcement}
      </p>
    </div>
  );
}

function formatDateTime(epochMs: number): string {
  return new Date(epochMs).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
}

/** Offers the copy of this scorecard kept in this browser; renders nothing without one. */
export function LocalCopyNotice({ offer, className = "" }: { offer: LocalCopyOffer | null; className?: string }) {
  if (!offer) return null;
  return (
    <section
      aria-label="Unsaved changes in this browser"
      className={`no-print rounded-lg border border-amber-400 bg-amber-50 p-4 text-sm text-amber-950 ${className}`}
    >
      <p className="font-medium">This browser kept changes to this scorecard from {formatDateTime(offer.savedAt)} that were not saved.</p>
      {offer.basedOnOlderVersion ? (
        <p className="mt-1">
          They were made on an earlier version of this draft. Restoring them replaces what is on screen, including
          changes saved since then.
        </p>
      ) : (
        <p className="mt-1">Restoring them replaces what is on screen.</p>
      )}
      <div className="mt-3 flex gap-3">
        <button
          type="button"
          onClick={offer.restore}
          className="rounded-md bg-amber-700 px-3 py-1.5 font-semibold text-white hover:bg-amber-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-amber-800"
        >
          Restore my changes
        </button>
        <button
          type="button"
          onClick={offer.discard}
          className="rounded-md border border-amber-700 px-3 py-1.5 font-semibold text-amber-900 hover:bg-amber-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-amber-800"
        >
          Discard them
        </button>
      </div>
    </section>
  );
}
