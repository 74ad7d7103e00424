import type { ReactNode } from "react";

/** What publishing the saved draft would change against the published version; the children show the changes. */
export function DraftChangesSection({
  headingId,
  draftNumber,
  publishedNumber,
  children,
}: {
  headingId: string;
  draftNumber: number;
  publishedNumber: number | undefined;
  children: ReactNode;
}) {
  return (
    <section className="mt-8" aria-labelledby={headingId}>
      <h2 id={headingId} className="text-lg font-semibold">
        Changes in saved draft {draftNumber} against published version {publishedNumber ?? "—"}
      </h2>
      {children}
    </section>
  );
}
