import { getFormProps, getSelectProps, getTextareaProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, type ShouldRevalidateFunction } from "@remix-run/react";
import { z } from "zod";
import { forbidden, requireRole } from "~/auth/permissions.server";
import { CandidateProfileFields } from "~/components/candidate-profile";
import { DecisionDetails } from "~/components/decision-details";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorList } from "~/components/forms";
import { serverCheckedForm, type ServerCheckedResult } from "~/components/server-checked-form";
import { RecommendationPanel } from "~/components/recommendation-panel";
import { ScorecardStatusBadge } from "~/components/status-badge";
import {
  OVERRIDE_CHOICE_LABELS,
  OVERRIDE_CHOICES,
  REASON_MAX,
  REASON_MIN,
  describeDecidedLevel,
} from "~/domain/candidates/decision-fields";
import { acceptDecisionSchema, overrideDecisionSchema, reopenDecisionSchema } from "~/domain/candidates/decision-form";
import { describeOutcome, type RecommendationView } from "~/domain/candidates/recommendation-view";
import { SCREEN_AREA_KEYS } from "~/domain/screen-areas";
import { SUBMIT_FIRST_MESSAGE } from "~/domain/scorecards/visibility";
import { WithheldNotice } from "~/components/withheld-notice";
import { candidateScoresOf } from "~/models/visibility.server";
import {
  getCandidateOverview,
  getCandidateRecommendation,
  type AreaInterview,
  type AreaOverview,
} from "~/models/candidate.server";
import { isUuid } from "~/utils/params";
import { HistoryList } from "~/components/history-list";
import { listCandidateHistory } from "~/models/audit.server";
import { getDecision, recordDecision, reopenDecision, type DecisionView } from "~/models/decision.server";
import {
  assignInterviewer,
  cancelInterview,
  listAssignableInterviewers,
  reassignInterview,
  type AssignmentResult,
} from "~/models/interview-assignment.server";
import { formatDateTimeUtc } from "~/utils/format";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.profile.name ?? "Candidate"} · ML Leveling` }];

/**
 * Interview times are entered and shown in UTC. A `datetime-local` input has no time
 * zone and the forms must work without JavaScript, so nothing can tell the server the
 * browser's offset: the value is read as UTC and every label says "UTC".
 */
const DATETIME_LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?$/;

function parseUtcDateTimeLocal(value: string): Date | null {
  const match = DATETIME_LOCAL.exec(value.trim());
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map((part) => Number(part ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  // Date.UTC rolls 2025-02-30 over to March; a real date comes back unchanged.
  const real =
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    date.getUTCHours() === hour &&
    date.getUTCMinutes() === minute;
  return real ? date : null;
}

const MIN_DURATION_MINUTES = 15;
const MAX_DURATION_MINUTES = 480;

const interviewerIdSchema = z.guid({ error: "Choose an interviewer" });
const interviewIdSchema = z.guid({ error: "Unknown interview" });

const assignSchema = z.object({
  intent: z.literal("assign"),
  areaKey: z.enum(SCREEN_AREA_KEYS, { error: "Unknown screen area" }),
  interviewerId: interviewerIdSchema,
  scheduledAt: z.string({ error: "Enter the date and time (UTC)" }).transform((value, ctx) => {
    const date = parseUtcDateTimeLocal(value);
    if (!date) {
      ctx.issues.push({ code: "custom", input: value, message: "Enter a date and time like 2025-03-14T15:00 (UTC)" });
      return z.NEVER;
    }
    if (date.getUTCFullYear() < 2000 || date.getUTCFullYear() > 2100) {
      ctx.issues.push({ code: "custom", input: value, message: "Enter a date between the years 2000 and 2100" });
      return z.NEVER;
    }
    return date;
  }),
  durationMinutes: z
    .number({ error: (issue) => (issue.input === undefined ? "Enter the duration in minutes" : "Enter the duration in whole minutes") })
    .int("Enter the duration in whole minutes")
    .min(MIN_DURATION_MINUTES, `An interview lasts at least ${MIN_DURATION_MINUTES} minutes`)
    .max(MAX_DURATION_MINUTES, `An interview lasts at most ${MAX_DURATION_MINUTES} minutes`),
});

const actionSchema = z.discriminatedUnion(
  "intent",
  [
    assignSchema,
    z.object({ intent: z.literal("reassign"), interviewId: interviewIdSchema, interviewerId: interviewerIdSchema }),
    z.object({ intent: z.literal("cancel"), interviewId: interviewIdSchema }),
    acceptDecisionSchema,
    overrideDecisionSchema,
    reopenDecisionSchema,
  ],
  { error: "Unknown action" },
);

function candidateNotFound(): Response {
  return new Response("Candidate not found", { status: 404 });
}

/**
 * A recruiter who also interviews this candidate and still owes a scorecard gets the page
 * without the recommendation, the decision or colleagues' scores in the history (not in the
 * data either): they can still follow progress and assign, but not decide.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, "RECRUITER");
  const candidateId = params.candidateId ?? "";
  const withheld = (await candidateScoresOf(user, candidateId)) === "withheld";
  const [overview, recommendation, decision, interviewers] = await Promise.all([
    getCandidateOverview(candidateId),
    withheld ? null : getCandidateRecommendation(candidateId),
    withheld ? null : getDecision(candidateId),
    listAssignableInterviewers(),
  ]);
  if (!overview) throw candidateNotFound();
  const history = await listCandidateHistory(candidateId, { withheldFrom: withheld ? user.id : null });
  return {
    ...overview,
    recommendation,
    decision,
    interviewers,
    history,
    viewer: { id: user.id, withheld },
    nowUtc: formatDateTimeUtc(new Date()),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const recruiter = await requireRole(request, "RECRUITER");
  const candidateId = params.candidateId ?? "";
  if (!isUuid(candidateId)) throw candidateNotFound();
  const submission = parseWithZod(await request.formData(), { schema: actionSchema });
  if (submission.status !== "success") {
    return data(submission.reply(), { status: 400 });
  }
  const actor = { id: recruiter.id, ipAddress: context.clientIp };
  const input = submission.value;
  if (input.intent === "accept" || input.intent === "override" || input.intent === "reopen") {
    // A decision accepts or overrides a recommendation the blind recruiter may not see.
    if ((await candidateScoresOf(recruiter, candidateId)) === "withheld") throw forbidden(SUBMIT_FIRST_MESSAGE);
    const outcome =
      input.intent === "reopen"
        ? await reopenDecision({ candidateId, decisionId: input.decisionId, actor })
        : await recordDecision({
            candidateId,
            basedOn: input.basedOn,
            decision: input.intent === "accept" ? { kind: "accept" } : { kind: "override", choice: input.level, reason: input.reason },
            actor,
          });
    if (outcome.ok) throw redirect(`/candidates/${candidateId}#decision`);
    switch (outcome.reason) {
      case "not_found":
        throw candidateNotFound();
      case "stale":
      case "taken":
        // Nothing was written; the page reloads with what changed and says why.
        return data(submission.reply({ formErrors: [outcome.message] }), { status: 409 });
      case "invalid":
        return data(
          outcome.field
            ? submission.reply({ fieldErrors: { [outcome.field]: [outcome.message] } })
            : submission.reply({ formErrors: [outcome.message] }),
          { status: 400 },
        );
    }
  }
  let result: AssignmentResult;
  switch (input.intent) {
    case "assign":
      result = await assignInterviewer(
        {
          candidateId,
          areaKey: input.areaKey,
          interviewerId: input.interviewerId,
          scheduledAt: input.scheduledAt,
          durationMinutes: input.durationMinutes,
        },
        actor,
      );
      break;
    case "reassign":
      result = await reassignInterview(input.interviewId, input.interviewerId, actor, { candidateId });
      break;
    case "cancel":
      result = await cancelInterview(input.interviewId, actor, { candidateId });
      break;
  }
  if (!result.ok) {
    if (result.reason === "not_found") throw new Response(result.message, { status: 404 });
    const reply = result.field
      ? submission.reply({ fieldErrors: { [result.field]: [result.message] } })
      : submission.reply({ formErrors: [result.message] });
    return data(reply, { status: 400 });
  }
  throw redirect(`/candidates/${candidateId}`);
}

type Interviewer = { id: string; name: string };
/** The signed-in recruiter, and whether this candidate's scores are withheld from them. */
type Viewer = { id: string; withheld: boolean };
type LastResult = ServerCheckedResult;

/** The result belongs to the form that posted it: same intent, same area or interview. */
function resultFor(lastResult: LastResult, intent: string, key: "areaKey" | "interviewId", value: string): LastResult {
  const posted = lastResult?.initialValue;
  return posted?.intent === intent && posted[key] === value ? lastResult : undefined;
}

const inputClass =
  "block rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm shadow-sm focus:border-indigo-600 focus:outline-none focus:ring-1 focus:ring-indigo-600";
const buttonClass = "rounded-md bg-indigo-700 px-3 py-1.5 text-sm font-semibold text-white shadow-sm hover:bg-indigo-800";

function AssignForm({ area, interviewers, lastResult }: { area: AreaOverview; interviewers: Interviewer[]; lastResult: LastResult }) {
  const { form, field } = serverCheckedForm<"interviewerId" | "scheduledAt" | "durationMinutes">(
    `assign-${area.key}`,
    resultFor(lastResult, "assign", "areaKey", area.key),
    { durationMinutes: "60" },
  );
  const [interviewerId, scheduledAt, durationMinutes] = [field("interviewerId"), field("scheduledAt"), field("durationMinutes")];
  const assigned = new Set(area.interviews.map((interview) => interview.interviewerId));
  return (
    <Form method="post" id={form.id} aria-label={`Assign an interviewer to ${area.name}`}>
      <input type="hidden" name="intent" value="assign" />
      <input type="hidden" name="areaKey" value={area.key} />
      <div className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor={interviewerId.id} className="block text-xs font-medium text-slate-700">
            Interviewer
          </label>
          <select {...interviewerId.props} required className={inputClass}>
            <option value="">Choose an interviewer</option>
            {interviewers.map((interviewer) => (
              <option key={interviewer.id} value={interviewer.id} disabled={assigned.has(interviewer.id)}>
                {interviewer.name}
                {assigned.has(interviewer.id) ? " (assigned)" : ""}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={scheduledAt.id} className="block text-xs font-medium text-slate-700">
            Date and time (UTC)
          </label>
          <input {...scheduledAt.props} type="datetime-local" required className={inputClass} />
        </div>
        <div>
          <label htmlFor={durationMinutes.id} className="block text-xs font-medium text-slate-700">
            Duration (minutes)
          </label>
          <input
            {...durationMinutes.props}
            type="number"
            required
            min={MIN_DURATION_MINUTES}
            max={MAX_DURATION_MINUTES}
            step={1}
            className={`${inputClass} w-24`}
          />
        </div>
        <button type="submit" className={buttonClass}>
          Assign
        </button>
      </div>
      <ErrorList id={interviewerId.errorId} errors={interviewerId.errors} />
      <ErrorList id={scheduledAt.errorId} errors={scheduledAt.errors} />
      <ErrorList id={durationMinutes.errorId} errors={durationMinutes.errors} />
      <ErrorList id={form.errorId} errors={form.errors} />
    </Form>
  );
}

function ReassignForm({
  interview,
  interviewers,
  lastResult,
}: {
  interview: AreaInterview;
  interviewers: Interviewer[];
  lastResult: LastResult;
}) {
  const { form, field } = serverCheckedForm<"interviewerId">(
    `reassign-${interview.id}`,
    resultFor(lastResult, "reassign", "interviewId", interview.id),
  );
  const interviewerId = field("interviewerId");
  const others = interviewers.filter((interviewer) => interviewer.id !== interview.interviewerId);
  return (
    <Form method="post" id={form.id} aria-label={`Reassign the interview of ${interview.interviewerName}`}>
      <input type="hidden" name="intent" value="reassign" />
      <input type="hidden" name="interviewId" value={interview.id} />
      <div className="flex items-center gap-2">
        <label htmlFor={interviewerId.id} className="sr-only">
          New interviewer
        </label>
        <select {...interviewerId.props} required className={inputClass}>
          <option value="">Reassign to…</option>
          {others.map((interviewer) => (
            <option key={interviewer.id} value={interviewer.id}>
              {interviewer.name}
            </option>
          ))}
        </select>
        <button type="submit" className="text-sm text-indigo-700 underline">
          Reassign
        </button>
      </div>
      <ErrorList id={interviewerId.errorId} errors={interviewerId.errors} />
      <ErrorList id={form.errorId} errors={form.errors} />
    </Form>
  );
}

function CancelForm({ interview, lastResult }: { interview: AreaInterview; lastResult: LastResult }) {
  const { form } = serverCheckedForm(`cancel-${interview.id}`, resultFor(lastResult, "cancel", "interviewId", interview.id));
  return (
    <Form method="post" id={form.id} aria-label={`Cancel the interview of ${interview.interviewerName}`}>
      <input type="hidden" name="intent" value="cancel" />
      <input type="hidden" name="interviewId" value={interview.id} />
      <button type="submit" className="text-sm text-red-700 underline">
        Cancel interview
      </button>
      <ErrorList id={form.errorId} errors={form.errors} />
    </Form>
  );
}

function InterviewRow({
  interview,
  interviewers,
  viewer,
  lastResult,
}: {
  interview: AreaInterview;
  interviewers: Interviewer[];
  viewer: Viewer;
  lastResult: LastResult;
}) {
  const readable = !viewer.withheld || interview.interviewerId === viewer.id;
  return (
    <>
      <td className="py-2 pr-3">
        {interview.interviewerName}
        {interview.interviewerActive ? null : <span className="text-slate-500"> (deactivated)</span>}
      </td>
      <td className="pr-3 whitespace-nowrap">
        {formatDateTimeUtc(interview.scheduledAt)}
        <span className="block text-xs text-slate-500">{interview.durationMinutes} min</span>
      </td>
      <td className="pr-3">
        <ScorecardStatusBadge status={interview.scorecardStatus} />
        {interview.submittedScorecardId && readable ? (
          <Link to={`/scorecards/${interview.submittedScorecardId}`} className="ml-2 text-indigo-700 underline">
            Read scorecard
          </Link>
        ) : null}
      </td>
      <td className="space-y-1 py-2">
        {interview.hasScorecard ? null : <ReassignForm interview={interview} interviewers={interviewers} lastResult={lastResult} />}
        {interview.submittedScorecardId ? null : <CancelForm interview={interview} lastResult={lastResult} />}
      </td>
    </>
  );
}

function AreaRows({
  area,
  interviewers,
  viewer,
  lastResult,
}: {
  area: AreaOverview;
  interviewers: Interviewer[];
  viewer: Viewer;
  lastResult: LastResult;
}) {
  const [first, ...rest] = area.interviews;
  const heading = (
    <th scope="rowgroup" rowSpan={Math.max(area.interviews.length, 1) + 1} className="py-2 pr-4 align-top font-semibold">
      {area.name}
    </th>
  );
  return (
    <tbody id={`area-${area.key}`} className="border-b align-top">
      <tr>
        {heading}
        {first ? (
          <InterviewRow interview={first} interviewers={interviewers} viewer={viewer} lastResult={lastResult} />
        ) : (
          <td colSpan={4} className="py-2 text-slate-500">
            No interviewer assigned yet.
          </td>
        )}
      </tr>
      {rest.map((interview) => (
        <tr key={interview.id}>
          <InterviewRow interview={interview} interviewers={interviewers} viewer={viewer} lastResult={lastResult} />
        </tr>
      ))}
      <tr>
        <td colSpan={4} className="pb-4 pt-1">
          {interviewers.length > 0 ? (
            // Keyed by the assignments so the form starts empty again after one succeeds.
            <AssignForm key={area.interviews.length} area={area} interviewers={interviewers} lastResult={lastResult} />
          ) : (
            <p className="text-sm text-slate-500">No active interviewers to assign. An admin can add one under Users.</p>
          )}
        </td>
      </tr>
    </tbody>
  );
}

/** Errors no form on the page claims (a tampered post, or an interview whose form is gone). */
function unclaimedErrors(lastResult: LastResult, areas: AreaOverview[]): string[] {
  const posted = lastResult?.initialValue;
  if (!lastResult?.error || !posted) return [];
  const claimed =
    isDecisionIntent(posted.intent) ||
    (posted.intent === "assign" && areas.some((area) => area.key === posted.areaKey)) ||
    areas.some((area) =>
      area.interviews.some(
        (interview) =>
          interview.id === posted.interviewId &&
          ((posted.intent === "reassign" && !interview.hasScorecard) || (posted.intent === "cancel" && !interview.submittedScorecardId)),
      ),
    );
  if (claimed) return [];
  return Object.values(lastResult.error).flatMap((messages) => messages ?? []);
}

const DECISION_INTENTS: readonly unknown[] = ["accept", "override", "reopen"];
function isDecisionIntent(intent: unknown): boolean {
  return DECISION_INTENTS.includes(intent);
}

/** After a 409 (the recommendation or the decision changed), reload so the page shows what changed. */
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionStatus, defaultShouldRevalidate }) =>
  actionStatus === 409 || defaultShouldRevalidate;

function RecordedDecision({
  decision,
  recommendation,
  lastResult,
}: {
  decision: DecisionView;
  recommendation: RecommendationView | null;
  lastResult: LastResult;
}) {
  const changed =
    recommendation !== null &&
    (recommendation.status !== decision.recommendationStatus || recommendation.level !== decision.recommendedLevel);
  const [form] = useForm({ id: `reopen-${decision.id}`, lastResult: lastResult?.initialValue?.intent === "reopen" ? lastResult : undefined });
  return (
    <div className="mt-3 rounded-md border border-slate-200 bg-white p-4 text-sm">
      <p className="text-base font-semibold" data-testid="decision-outcome">
        {describeDecidedLevel(decision.level)}
      </p>
      <DecisionDetails decision={decision} />
      {changed ? (
        <p className="mt-3 rounded-md border border-amber-300 bg-amber-50 p-2 text-amber-900" data-testid="recommendation-changed">
          The recommendation has changed since this decision: it is now{" "}
          <strong>{describeOutcome(recommendation.status, recommendation.level)}</strong>. Reopen the decision to decide again.
        </p>
      ) : null}
      <Form method="post" {...getFormProps(form)} className="mt-4" aria-label="Reopen the decision">
        <input type="hidden" name="intent" value="reopen" />
        <input type="hidden" name="decisionId" value={decision.id} />
        <button type="submit" className="text-sm text-red-700 underline">
          Reopen decision
        </button>
        <p className="mt-1 text-xs text-slate-500">Deletes this decision (the audit log keeps it) so a new one can be recorded.</p>
      </Form>
    </div>
  );
}

function DecisionForms({ recommendation, lastResult }: { recommendation: RecommendationView; lastResult: LastResult }) {
  const posted = lastResult?.initialValue?.intent;
  const [acceptForm] = useForm({ id: "accept-decision", lastResult: posted === "accept" ? lastResult : undefined });
  const [overrideForm, fields] = useForm<{ level: string; reason: string }>({
    id: "override-decision",
    lastResult: posted === "override" ? lastResult : undefined,
  });
  const acceptable = recommendation.status === "recommended" || recommendation.status === "no_hire";
  return (
    <div className="mt-3 grid gap-6 md:grid-cols-2">
      <Form method="post" {...getFormProps(acceptForm)} className="rounded-md border border-slate-200 bg-white p-4" aria-label="Accept the recommendation">
        <input type="hidden" name="intent" value="accept" />
        <input type="hidden" name="basedOn" value={recommendation.computedAt} />
        <h3 className="text-sm font-semibold">Accept</h3>
        <p className="mt-1 text-sm text-slate-700">
          Decide: <strong>{describeOutcome(recommendation.status, recommendation.level)}</strong>
        </p>
        <button
          type="submit"
          disabled={!acceptable}
          className="mt-3 rounded-md bg-indigo-700 px-3 py-1.5 text-sm font-semibold text-white shadow-sm hover:bg-indigo-800 disabled:cursor-not-allowed disabled:opacity-50"
        >
          Accept the recommendation
        </button>
        {acceptable ? null : (
          <p className="mt-2 text-xs text-slate-600">
            Nothing to accept until every screen area has a submitted scorecard. You can still override with a reason.
          </p>
        )}
      </Form>
      <Form
        method="post"
        {...getFormProps(overrideForm)}
        noValidate={false}
        className="rounded-md border border-slate-200 bg-white p-4"
        aria-label="Override the recommendation"
      >
        <input type="hidden" name="intent" value="override" />
        <input type="hidden" name="basedOn" value={recommendation.computedAt} />
        <h3 className="text-sm font-semibold">Override</h3>
        <div className="mt-2 space-y-1">
          <label htmlFor={fields.level.id} className="block text-sm font-medium text-slate-800">
            Decided level
          </label>
          <select {...getSelectProps(fields.level)} required className={inputClass}>
            <option value="">Choose a level, or no hire</option>
            {OVERRIDE_CHOICES.map((choice) => (
              <option key={choice} value={choice}>
                {OVERRIDE_CHOICE_LABELS[choice]}
              </option>
            ))}
          </select>
          <ErrorList id={fields.level.errorId} errors={fields.level.errors} />
        </div>
        <div className="mt-3 space-y-1">
          <label htmlFor={fields.reason.id} className="block text-sm font-medium text-slate-800">
            Reason for the override
          </label>
          <textarea
            {...getTextareaProps(fields.reason)}
            required
            minLength={REASON_MIN}
            maxLength={REASON_MAX}
            rows={4}
            className={`${inputClass} w-full`}
          />
          <p className="text-xs text-slate-500">
            {REASON_MIN}–{REASON_MAX.toLocaleString("en-US")} characters. Kept with the decision and in the audit log.
          </p>
          <ErrorList id={fields.reason.errorId} errors={fields.reason.errors} />
        </div>
        <button type="submit" className={`${buttonClass} mt-3`}>
          Override
        </button>
      </Form>
    </div>
  );
}

function DecisionSection({
  recommendation,
  decision,
  lastResult,
}: {
  recommendation: RecommendationView | null;
  decision: DecisionView | null;
  lastResult: LastResult;
}) {
  // 409s, other form-level messages and errors of the hidden fields show once, above the forms.
  const error = isDecisionIntent(lastResult?.initialValue?.intent) ? lastResult?.error : undefined;
  const messages = [...new Set([error?.[""], error?.basedOn, error?.decisionId, error?.intent].flatMap((list) => list ?? []))];
  return (
    <section id="decision" aria-labelledby="decision-heading" className="mt-10">
      <h2 id="decision-heading" className="text-lg font-semibold">
        Decision
      </h2>
      {messages.length > 0 ? (
        <div role="alert" className="mt-3 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          {messages.map((message) => (
            <p key={message}>{message}</p>
          ))}
        </div>
      ) : null}
      {decision ? (
        <RecordedDecision decision={decision} recommendation={recommendation} lastResult={lastResult} />
      ) : recommendation ? (
        <DecisionForms recommendation={recommendation} lastResult={lastResult} />
      ) : (
        <p className="mt-1 text-sm text-slate-600">A decision can be recorded once the recommendation has been computed.</p>
      )}
    </section>
  );
}

export default function CandidatePage() {
  const { profile, areas, submittedAreaCount, interviewers, nowUtc, recommendation, decision, history, viewer } =
    useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const orphanErrors = unclaimedErrors(lastResult, areas);
  return (
    <main className="mx-auto max-w-6xl p-6">
      <p className="text-sm">
        <Link to="/candidates" className="text-indigo-700 underline">
          Candidates
        </Link>
      </p>
      <div className="mt-1 flex items-baseline justify-between gap-4">
        <h1 className="text-2xl font-bold">{profile.name}</h1>
        <div className="flex gap-4 text-sm">
          <Link to={`/candidates/${profile.id}/packet`} className="text-indigo-700 underline">
            Candidate packet
          </Link>
          <Link to={`/candidates/${profile.id}/edit`} className="text-indigo-700 underline">
            Edit candidate
          </Link>
        </div>
      </div>

      <section aria-labelledby="profile-heading" className="mt-4">
        <h2 id="profile-heading" className="sr-only">
          Profile
        </h2>
        <dl className="grid grid-cols-1 gap-x-8 gap-y-2 text-sm sm:grid-cols-2">
          <CandidateProfileFields profile={profile} />
          {profile.notes ? (
            <div className="sm:col-span-2">
              <dt className="text-slate-500">Notes</dt>
              <dd className="whitespace-pre-wrap">{profile.notes}</dd>
            </div>
          ) : null}
        </dl>
      </section>

      <section aria-labelledby="interviews-heading" className="mt-10">
        <h2 id="interviews-heading" className="text-lg font-semibold">
          Screen areas
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          {`Times are in UTC (now: ${nowUtc}). Enter interview times in UTC, not your local time.`}
        </p>
        <ErrorList errors={orphanErrors} />
        <table className="mt-4 w-full text-left text-sm">
          <thead className="border-b text-slate-500">
            <tr>
              <th className="py-2">Area</th>
              <th>Interviewer</th>
              <th>Scheduled (UTC)</th>
              <th>Scorecard</th>
              <th>
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          {areas.map((area) => (
            <AreaRows key={area.key} area={area} interviewers={interviewers} viewer={viewer} lastResult={lastResult} />
          ))}
        </table>
      </section>

      {viewer.withheld ? <WithheldNotice /> : <RecommendationPanel recommendation={recommendation} />}
      <p className="mt-2 text-sm text-slate-600">{`${submittedAreaCount} of ${areas.length} screen areas have a submitted scorecard.`}</p>
      {viewer.withheld ? null : <DecisionSection recommendation={recommendation} decision={decision} lastResult={lastResult} />}

      <section id="history" aria-labelledby="history-heading" className="mt-10">
        <h2 id="history-heading" className="text-lg font-semibold">
          History
        </h2>
        <HistoryList entries={history} />
      </section>
    </main>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
