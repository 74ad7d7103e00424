import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { useDraftButtonsBusy } from "./draft-page-state";
import { DraftReferenceFields } from "./draft-reference";

/**
 * Publish or discard a draft version (rubric or leveling policy). Both forms carry the
 * draft's reference, so acting on a draft someone changed since is refused, not applied.
 */
export function DraftPublishBar({
  draft,
  children,
}: {
  draft: { id: string; number: number; version: number };
  /** What publishing does: a paragraph above the button. */
  children: ReactNode;
}) {
  const busy = useDraftButtonsBusy();
  return (
    <div className="mt-6 flex flex-wrap items-start gap-6 rounded-lg border border-slate-200 bg-white p-4">
      <Form method="post" className="max-w-xl space-y-2 text-sm text-slate-700">
        <DraftReferenceFields draft={draft} />
        <p>{children}</p>
        <button
          type="submit"
          name="intent"
          value="publish"
          disabled={busy}
          className="rounded-md bg-green-700 px-4 py-2 text-sm font-semibold text-white disabled:opacity-60"
        >
          Publish version {draft.number}
        </button>
      </Form>
      <Form method="post">
        <DraftReferenceFields draft={draft} />
        <button
          type="submit"
          name="intent"
          value="discard"
          disabled={busy}
          className="rounded-md border border-red-300 px-4 py-2 text-sm font-semibold text-red-700 disabled:opacity-60"
        >
          Discard draft
        </button>
      </Form>
    </div>
  );
}
