import type { ReactNode } from "react";
import { formatDateTimeUtc } from "~/utils/format";

/** The version in use (rubric or leveling policy), folded while a draft is open so the draft comes first. */
export function PublishedVersionSection({
  published,
  open,
  children,
}: {
  published: { number: number; publishedAt: string | null; publishedBy: string };
  open: boolean;
  /** The version's content, read-only. */
  children: ReactNode;
}) {
  return (
    <section className="mt-8">
      <details open={open}>
        <summary className="cursor-pointer text-lg font-semibold">
          Published version {published.number}
          {published.publishedAt ? ` · since ${formatDateTimeUtc(published.publishedAt)} by ${published.publishedBy}` : ""}
        </summary>
        {children}
      </details>
    </section>
  );
}
