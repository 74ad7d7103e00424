import type { ReactNode } from "react";
import { formatDateTimeUtc } from "~/utils/format";

/** The open draft (rubric or leveling policy): its number, who started it and when, then its editor. */
export function DraftEditorSection({
  headingId,
  draft,
  startedNote,
  children,
}: {
  headingId: string;
  draft: { number: number; createdAt: string; createdBy: string };
  /** Continues the "Started … by …" line. */
  startedNote: ReactNode;
  /** The editor form. */
  children: ReactNode;
}) {
  return (
    <section className="mt-6" aria-labelledby={headingId}>
      <h2 id={headingId} className="text-lg font-semibold">
        Draft version {draft.number}
      </h2>
      <p className="text-sm text-slate-600">
        Started {formatDateTimeUtc(draft.createdAt)} by {draft.createdBy}
        {startedNote}
      </p>
      {children}
    </section>
  );
}
