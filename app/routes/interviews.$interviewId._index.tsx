import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import {
  Form,
  Link,
  useActionData,
  useLoaderData,
  useNavigation,
  type ClientActionFunctionArgs,
  type ShouldRevalidateFunction,
} from "@remix-run/react";
import { useRef } from "react";
import { requireRole } from "~/auth/permissions.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorList } from "~/components/forms";
import { ScorecardFields, type ScorecardDefaultValues } from "~/components/scorecard/scorecard-form";
import {
  AutosaveStatus,
  CONFLICT_MESSAGE,
  keepAutosaveFailuresAsData,
  LocalCopyNotice,
  SAVE_DRAFT_INTENT,
  useAutosave,
} from "~/components/scorecard/use-autosave";
import { parseFormVersion } from "~/domain/int-columns";
import { draftSchemaFor, submissionSchemaFor } from "~/domain/scorecards/scorecard-form";
import { recomputeRecommendation } from "~/models/recommendation.server";
import { loadOwnScorecardContext, rubricForWrite } from "~/models/scorecard-context.server";
import { saveDraft, submitScorecard, type WriteRefusal } from "~/models/scorecard.server";
import { formatDateTimeUtc } from "~/utils/format";
import { requireUuidParam } from "~/utils/params";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.interview.areaName}: ${data.interview.candidateName} · ML Leveling` : "Scorecard · ML Leveling" },
];

const interviewNotFound = () => new Response("Interview not found", { status: 404 });

async function requireOwnContext(request: Request, interviewIdParam: string | undefined) {
  const user = await requireRole(request, "INTERVIEWER");
  const interviewId = requireUuidParam(interviewIdParam, "Interview");
  const context = await loadOwnScorecardContext(interviewId, user.id);
  if (!context) throw interviewNotFound();
  return { user, context };
}

const REFUSAL_MESSAGES = {
  conflict: CONFLICT_MESSAGE,
  rubric_changed:
    "The rubric for this area was updated since this page was loaded, and nothing was saved. Reload to score against the new version; your text is kept in this browser.",
};

/**
 * A write that wrote nothing. Reassigned or cancelled meanwhile (found under the lock):
 * 404, as the page now answers. Otherwise 409, which autosave treats as a conflict.
 */
function refused(reason: WriteRefusal) {
  if (reason === "not_yours") throw interviewNotFound();
  const message = REFUSAL_MESSAGES[reason === "submitted" ? "conflict" : reason];
  return data({ ok: false as const, conflict: true as const, message }, { status: 409 });
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { context } = await requireOwnContext(request, params.interviewId);
  const { interview, rubric } = context;
  return {
    interview: {
      id: interview.id,
      candidateName: interview.candidate.name,
      areaName: interview.area.name,
      areaDescription: interview.area.description,
      scheduledAt: interview.scheduledAt.toISOString(),
    },
    rubric: { id: rubric.id, number: rubric.number, criteria: rubric.criteria },
    draft: (interview.scorecard?.draft ?? null) as ScorecardDefaultValues | null,
    version: interview.scorecard?.version ?? 0,
    submittedAt: interview.scorecard?.submittedAt?.toISOString() ?? null,
  };
}

export async function action({ request, params, context: loadContext }: ActionFunctionArgs) {
  const { user, context } = await requireOwnContext(request, params.interviewId);
  const formData = await request.formData();
  const intent = formData.get("intent");
  const version = parseFormVersion(formData.get("version"), 0);
  if (version === null) return refused("conflict");
  const forWrite = rubricForWrite(context, formData.get("rubricVersionId")?.toString() ?? null);
  if (!forWrite.ok) return refused(forWrite.reason);
  const { rubric } = forWrite;
  if (context.interview.scorecard?.submittedAt) {
    // A second submit (double click, another tab) ends where the first did: one submission.
    if (intent === "submit") throw redirect(`/interviews/${context.interview.id}`);
    return data({ ok: false as const, message: "This scorecard is already submitted and can no longer change." }, { status: 409 });
  }

  switch (intent) {
    case SAVE_DRAFT_INTENT: {
      const submission = parseWithZod(formData, { schema: draftSchemaFor(rubric.criteria) });
      if (submission.status !== "success") return data(submission.reply(), { status: 400 });
      const outcome = await saveDraft({
        interviewId: context.interview.id,
        interviewerId: user.id,
        rubricVersionId: rubric.id,
        expectedVersion: version,
        draft: submission.value,
      });
      if (outcome.ok) return { ok: true as const, version: outcome.version };
      return refused(outcome.reason);
    }
    case "submit": {
      const submission = parseWithZod(formData, { schema: submissionSchemaFor(rubric.criteria) });
      if (submission.status !== "success") return data(submission.reply(), { status: 400 });
      const outcome = await submitScorecard({
        interviewId: context.interview.id,
        rubric,
        expectedVersion: version,
        submission: submission.value,
        actor: { id: user.id, ipAddress: loadContext.clientIp },
        afterSubmit: (tx) => recomputeRecommendation(tx, context.interview.candidateId).then(() => undefined),
      });
      if (!outcome.ok) {
        if (outcome.reason === "not_yours") throw interviewNotFound();
        return data(submission.reply({ formErrors: [REFUSAL_MESSAGES[outcome.reason]] }), { status: 409 });
      }
      throw redirect(`/interviews/${context.interview.id}`);
    }
    default:
      return data({ ok: false as const, message: "Unknown action." }, { status: 400 });
  }
}

export async function clientAction({ request, serverAction }: ClientActionFunctionArgs) {
  return keepAutosaveFailuresAsData(request, () => serverAction<typeof action>());
}

// An autosave changes nothing the page shows; reloading the loader would only cost time.
export const shouldRevalidate: ShouldRevalidateFunction = ({ formData, defaultShouldRevalidate }) =>
  formData?.get("intent") === SAVE_DRAFT_INTENT ? false : defaultShouldRevalidate;

type ActionResult = { error?: Record<string, string[] | null> | null; initialValue?: unknown } | { ok: boolean; message?: string };

export default function ScorecardPage() {
  const { interview, rubric, draft, version, submittedAt } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionResult | undefined;
  const navigation = useNavigation();
  const formRef = useRef<HTMLFormElement>(null);
  const readOnly = submittedAt !== null;
  const autosave = useAutosave({
    formRef,
    fetcherKey: `autosave:${interview.id}`,
    scorecardId: interview.id,
    version,
    action: `/interviews/${interview.id}`,
    enabled: !readOnly,
  });
  const errors = actionData && "error" in actionData ? actionData.error : null;
  const posted = actionData && "initialValue" in actionData ? (actionData.initialValue as ScorecardDefaultValues) : null;
  const message = actionData && "message" in actionData ? actionData.message : null;
  // Only a JavaScript-off "Save draft" lands here with ok; autosaves go through a fetcher.
  const savedWithoutJs = actionData && "ok" in actionData && actionData.ok;

  return (
    <main className="mx-auto max-w-5xl p-6">
      <p className="text-sm text-slate-500">
        <Link to="/interviews" className="underline">
          My interviews
        </Link>{" "}
        / {interview.candidateName}
      </p>
      <h1 className="mt-1 text-2xl font-bold">
        {interview.areaName} · {interview.candidateName}
      </h1>
      <p className="mt-1 text-sm text-slate-600">
        {formatDateTimeUtc(interview.scheduledAt)} · rubric version {rubric.number}
      </p>
      <p className="mt-2 max-w-3xl text-sm text-slate-700">{interview.areaDescription}</p>
      <p className="no-print mt-3">
        <Link
          to={`/interviews/${interview.id}/kit`}
          className="inline-block rounded-md border border-indigo-300 bg-indigo-50 px-3 py-2 text-sm font-semibold text-indigo-800"
        >
          Interview kit: suggested questions, candidate profile, notes from earlier interviewers
        </Link>
      </p>

      {readOnly ? (
        <>
          <p role="status" className="mt-4 rounded bg-green-50 p-3 text-sm text-green-800">
            Submitted {formatDateTimeUtc(submittedAt)}. A submitted scorecard is final and read-only.{" "}
            <Link to={`/interviews/${interview.id}/feedback`} className="underline">
              See colleagues&apos; feedback on this candidate
            </Link>
          </p>
          {/* A refused post to a submitted scorecard (no JavaScript) must still say why. */}
          {message ? <ErrorList errors={[message]} /> : null}
          <div className="mt-6">
            <ScorecardFields criteria={rubric.criteria} defaultValues={draft} readOnly />
          </div>
        </>
      ) : (
        <Form method="post" ref={formRef} className="mt-6 space-y-6" noValidate>
          <input type="hidden" name="version" value={autosave.version} />
          <input type="hidden" name="rubricVersionId" value={rubric.id} />
          <LocalCopyNotice offer={autosave.localCopy} />
          {savedWithoutJs ? (
            <p role="status" className="rounded bg-green-50 p-2 text-sm text-green-800">
              Draft saved.
            </p>
          ) : null}
          {message ? <ErrorList errors={[message]} /> : null}
          <ErrorList errors={errors?.[""]} />
          <ScorecardFields criteria={rubric.criteria} defaultValues={posted ?? draft} errors={errors} />
          <div className="no-print sticky bottom-0 flex items-center gap-4 border-t border-slate-200 bg-white/95 py-3">
            <button
              type="submit"
              name="intent"
              value={SAVE_DRAFT_INTENT}
              className="rounded-md border border-slate-300 px-4 py-2 text-sm font-semibold"
            >
              Save draft
            </button>
            <button
              type="submit"
              name="intent"
              value="submit"
              disabled={autosave.state.kind === "saving" || navigation.state === "submitting"}
              className="rounded-md bg-indigo-700 px-4 py-2 text-sm font-semibold text-white disabled:opacity-60"
            >
              Submit scorecard
            </button>
            <AutosaveStatus autosave={autosave} />
          </div>
        </Form>
      )}
    </main>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
