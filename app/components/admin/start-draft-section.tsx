import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { useDraftButtonsBusy } from "./draft-page-state";

/** Shown while there is no draft: a published version never changes, so changing it starts with a draft copy. */
export function StartDraftSection({
  title,
  children,
}: {
  title: string;
  /** What starting a draft does. */
  children: ReactNode;
}) {
  const busy = useDraftButtonsBusy();
  return (
    <section className="mt-6 rounded-lg border border-slate-200 bg-white p-4">
      <h2 className="text-lg font-semibold">{title}</h2>
      <p className="mt-1 text-sm text-slate-600">{children}</p>
      <Form method="post" className="mt-3">
        <button
          type="submit"
          name="intent"
          value="start"
          disabled={busy}
          className="rounded-md bg-indigo-700 px-4 py-2 text-sm font-semibold text-white disabled:opacity-60"
        >
          Start a new draft
        </button>
      </Form>
    </section>
  );
}
