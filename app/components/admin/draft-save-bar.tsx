import type { ReactNode } from "react";
import { useDraftButtonsBusy } from "./draft-page-state";

/** The draft editor's save button, kept in view at the bottom of the window while the long form scrolls. */
export function DraftSaveBar({
  dirty,
  children,
}: {
  /** The form differs from the saved draft. */
  dirty: boolean;
  /** Editing buttons shown before the save button. */
  children?: ReactNode;
}) {
  const busy = useDraftButtonsBusy();
  return (
    <div className="no-print sticky bottom-0 flex flex-wrap items-center gap-4 border-t border-slate-200 bg-white/95 py-3">
      {children}
      <button
        type="submit"
        name="intent"
        value="save"
        disabled={busy}
        className="rounded-md bg-indigo-700 px-4 py-2 text-sm font-semibold text-white disabled:opacity-60"
      >
        Save draft
      </button>
      {dirty ? <span className="text-sm text-amber-800">Unsaved changes</span> : null}
    </div>
  );
}
