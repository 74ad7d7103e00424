import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { PolicyFields, toPolicyFormValues, type PolicyFormValues } from "~/components/admin/policy-fields";
import { NotSavedSummary, Notice, VersionHistory } from "~/components/admin/version-history";
import { requireRole } from "~/auth/permissions.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorList } from "~/components/forms";
import { levelingPolicySchema, type LevelingPolicy } from "~/domain/leveling/policy";
import {
  discardPolicyDraft,
  getPolicyAdminView,
  publishPolicyDraft,
  savePolicyDraft,
  startPolicyDraft,
  type PolicyWriteFailure,
} from "~/models/policy-admin.server";
import { formatDateTimeUtc } from "~/utils/format";
import { isUuid } from "~/utils/params";
import { DraftPublishBar } from "~/components/admin/draft-publish-bar";

export const meta: MetaFunction = () => [{ title: "Leveling policy · ML Leveling" }];

/** The editor posts the policy under `policy.` so its own fields (intent, draftId, version) stay apart. */
const policyFormSchema = z.object({ policy: levelingPolicySchema });

const MESSAGES = {
  conflict:
    "Another admin changed this draft since you opened it. Nothing was saved: reload the page to see their version, then make your changes again.",
  gone: "This draft was published or discarded by another admin meanwhile. Nothing was saved: reload the page.",
  badRequest: "That request could not be understood. Reload the page and try again.",
} as const;

const NOTICES: Record<string, string> = {
  started: "Draft started from the published policy. Edit it, save, simulate, then publish.",
  saved: "Draft saved. Simulate it to see what it would change before publishing.",
  discarded: "Draft discarded.",
};


/** "bands.IC4.min" → value, for every leaf of a policy. */
function flatten(value: unknown, prefix = ""): Record<string, string> {
  if (value === null || typeof value !== "object") return { [prefix]: String(value) };
  return Object.entries(value as Record<string, unknown>).reduce<Record<string, string>>(
    (all, [key, child]) => Object.assign(all, flatten(child, prefix ? `${prefix}.${key}` : key)),
    {},
  );
}

/** The settings of a policy without its version number, which is the row's and not a setting. */
function settingsOf({ version: _version, ...settings }: LevelingPolicy) {
  return flatten(settings);
}

function policyChanges(published: LevelingPolicy, draft: LevelingPolicy) {
  const before = settingsOf(published);
  const after = settingsOf(draft);
  return [...new Set([...Object.keys(before), ...Object.keys(after)])]
    .filter((path) => before[path] !== after[path])
    .sort()
    .map((path) => ({ path, before: before[path] ?? "—", after: after[path] ?? "—" }));
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "ADMIN");
  const view = await getPolicyAdminView();
  return {
    published: view.published && {
      number: view.published.number,
      publishedAt: view.published.publishedAt?.toISOString() ?? null,
      publishedBy: view.published.publishedBy,
      values: settingsOf(view.published.policy),
    },
    draft: view.draft && {
      id: view.draft.id,
      number: view.draft.number,
      version: view.draft.version,
      createdAt: view.draft.createdAt.toISOString(),
      createdBy: view.draft.createdBy,
      form: toPolicyFormValues(view.draft.policy),
    },
    changes: view.published && view.draft ? policyChanges(view.published.policy, view.draft.policy) : [],
    history: view.history.map((version) => ({
      ...version,
      createdAt: version.createdAt.toISOString(),
      publishedAt: version.publishedAt?.toISOString() ?? null,
    })),
  };
}

type MessageResult = { kind: "message"; intent: string; message: string };

function message(intent: string, text: string, status: number) {
  return data<MessageResult>({ kind: "message", intent, message: text }, { status });
}

function failure(intent: string, result: PolicyWriteFailure) {
  switch (result.reason) {
    case "draft_exists":
      return message(intent, `Another admin already started draft version ${result.number} of the policy: edit that one.`, 409);
    case "invalid":
      return message(intent, `The saved draft is not a valid policy: ${result.issues.map((i) => `${i.path}: ${i.message}`).join("; ")}`, 400);
    default:
      return message(intent, MESSAGES[result.reason], 409);
  }
}

function draftReference(formData: FormData) {
  const draftId = String(formData.get("draftId") ?? "");
  const version = Number(formData.get("version"));
  if (!isUuid(draftId) || !Number.isInteger(version) || version < 1) return null;
  return { draftId, expectedVersion: version };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const admin = await requireRole(request, "ADMIN");
  const actor = { id: admin.id, ipAddress: context.clientIp };
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  switch (intent) {
    case "start": {
      const result = await startPolicyDraft(actor);
      if (!result.ok) return failure(intent, result);
      throw redirect("/admin/policy?done=started");
    }
    case "save": {
      const reference = draftReference(formData);
      const submission = parseWithZod(formData, { schema: policyFormSchema });
      if (!reference) return data(submission.reply({ formErrors: [MESSAGES.badRequest] }), { status: 400 });
      if (submission.status !== "success") return data(submission.reply(), { status: 400 });
      const result = await savePolicyDraft({ ...reference, policy: submission.value.policy, actor });
      if (result.ok) throw redirect("/admin/policy?done=saved");
      if (result.reason === "conflict" || result.reason === "gone") {
        return data(submission.reply({ formErrors: [MESSAGES[result.reason]] }), { status: 409 });
      }
      return failure(intent, result);
    }
    case "publish":
    case "discard": {
      const reference = draftReference(formData);
      if (!reference) return message(intent, MESSAGES.badRequest, 400);
      if (intent === "discard") {
        const result = await discardPolicyDraft({ ...reference, actor });
        if (!result.ok) return failure(intent, result);
        throw redirect("/admin/policy?done=discarded");
      }
      const result = await publishPolicyDraft({ ...reference, actor });
      if (!result.ok) return failure(intent, result);
      throw redirect(`/admin/policy?done=published&changed=${result.changed}&recomputed=${result.recomputed}`);
    }
    default:
      return message(intent, MESSAGES.badRequest, 400);
  }
}

/** Label of a flattened policy path, for the read-only view and the list of changes. */
function describePath(path: string): string {
  return path
    .replace(/^hireBar\./, "Hire bar: ")
    .replace(/^scoreLevels\.(IC\d)\./, "$1 ")
    .replace(/^production\.minCapabilities$/, "Production capabilities needed")
    .replace(/^gates\.lifecycleOwnershipFrom$/, "Lifecycle ownership needed from")
    .replace(/^gates\.sharedInfrastructureFrom$/, "Shared infrastructure needed from")
    .replace(/^managerEquivalents\.(M\d)$/, "$1 needs what this level needs")
    .replace(/^bands\.(\w+)\.(min|max)$/, "$1 band $2 (USD)")
    .replace(/^faangPremiumPercent\.(min|max)$/, "FAANG premium on the $1 (%)")
    .replace(/^flags\.areaDisagreement$/, "Flag: area disagreement (points)")
    .replace(/^flags\.levelSignalDistance$/, "Flag: level signal distance (levels)")
    .replace(/minMean$/, "mean at least")
    .replace(/minEveryArea$/, "every area at least")
    .replace(/minMlSystemDesign$/, "ML system design at least");
}

export default function PolicyPage() {
  const { published, draft, changes, history } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as (SubmissionResult<string[]> | MessageResult) | undefined;
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  const done = searchParams.get("done") ?? "";
  const notice =
    done === "published"
      ? `Published. ${searchParams.get("recomputed") ?? 0} stored recommendations recomputed under it; ${searchParams.get("changed") ?? 0} changed level or pay. Recorded decisions keep the policy version they were made under.`
      : NOTICES[done];
  const messageResult = actionData && "kind" in actionData ? actionData : null;
  const reply = actionData && !("kind" in actionData) ? actionData : undefined;

  return (
    <main className="mx-auto max-w-5xl p-6">
      <h1 className="text-2xl font-bold">Leveling policy</h1>
      <p className="mt-1 max-w-3xl text-sm text-slate-600">
        The thresholds, production rule, gates and salary bands the leveling service applies. The rules are code; these numbers
        are data, versioned like rubrics. Publishing a version recomputes every stored recommendation under it.
      </p>
      {/* The notice belongs to the redirect that set ?done=; a later failed post replaces it. */}
      {notice && !actionData ? <Notice tone="success">{notice}</Notice> : null}
      {messageResult ? <Notice tone="error">{messageResult.message}</Notice> : null}

      {draft ? (
        <PolicyDraftEditor key={`${draft.id}:${draft.version}`} draft={draft} reply={reply} busy={busy} />
      ) : (
        <section className="mt-6 rounded-lg border border-slate-200 bg-white p-4">
          <h2 className="text-lg font-semibold">Change the policy</h2>
          <p className="mt-1 text-sm text-slate-600">
            A published version never changes. Start a draft: it copies version {published?.number ?? "—"}; nothing uses it until
            you publish it.
          </p>
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
      )}

      {draft ? (
        <section className="mt-8" aria-labelledby="policy-changes-heading">
          <h2 id="policy-changes-heading" className="text-lg font-semibold">
            Changes in saved draft {draft.number} against published version {published?.number ?? "—"}
          </h2>
          {changes.length === 0 ? (
            <p className="text-sm text-slate-600">No changes against the published version yet.</p>
          ) : (
            <table className="mt-2 text-sm">
              <thead className="text-left text-slate-500">
                <tr>
                  <th scope="col" className="pr-6">
                    Setting
                  </th>
                  <th scope="col" className="pr-6">
                    Published
                  </th>
                  <th scope="col">Draft</th>
                </tr>
              </thead>
              <tbody>
                {changes.map((change) => (
                  <tr key={change.path} data-path={change.path}>
                    <td className="pr-6">{describePath(change.path)}</td>
                    <td className="pr-6 font-mono">{change.before}</td>
                    <td className="font-mono">{change.after}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <DraftPublishBar draft={draft} busy={busy}>
            <p>
              Before publishing,{" "}
              <Link to="/admin/policy/simulation" className="font-semibold text-indigo-700 underline">
                simulate draft {draft.number}
              </Link>{" "}
              over every stored recommendation to see whose level or band would change.
            </p>
          </DraftPublishBar>
        </section>
      ) : null}

      {published ? (
        <section className="mt-8">
          <details open={!draft}>
            <summary className="cursor-pointer text-lg font-semibold">
              Published version {published.number}
              {published.publishedAt ? ` · since ${formatDateTimeUtc(published.publishedAt)} by ${published.publishedBy}` : ""}
            </summary>
            <dl className="mt-3 grid grid-cols-[minmax(0,22rem)_1fr] gap-x-6 gap-y-1 text-sm">
              {Object.entries(published.values).map(([path, value]) => (
                <div key={path} className="contents">
                  <dt className="text-slate-600">{describePath(path)}</dt>
                  <dd className="font-mono">{value}</dd>
                </div>
              ))}
            </dl>
          </details>
        </section>
      ) : null}

      <section className="mt-8">
        <h2 className="mb-2 text-lg font-semibold">History</h2>
        <VersionHistory versions={history} />
      </section>
    </main>
  );
}

function PolicyDraftEditor({
  draft,
  reply,
  busy,
}: {
  draft: { id: string; number: number; version: number; createdAt: string; createdBy: string; form: PolicyFormValues };
  reply: SubmissionResult<string[]> | undefined;
  busy: boolean;
}) {
  // Validated on the server only (no Zod in the browser); errors come back in `reply`.
  const [form, fields] = useForm<PolicyFormValues>({ id: `policy-draft-${draft.id}`, lastResult: reply, defaultValue: draft.form });
  return (
    <section className="mt-6" aria-labelledby="policy-draft-heading">
      <h2 id="policy-draft-heading" className="text-lg font-semibold">
        Draft version {draft.number}
      </h2>
      <p className="text-sm text-slate-600">
        Started {formatDateTimeUtc(draft.createdAt)} by {draft.createdBy}.
      </p>
      <Form method="post" className="mt-4 space-y-4" {...getFormProps(form)}>
        <input type="hidden" name="draftId" value={draft.id} />
        <input type="hidden" name="version" value={draft.version} />
        <NotSavedSummary reply={reply} />
        <ErrorList id={form.errorId} errors={form.errors} />
        <PolicyFields policy={fields.policy} />
        <div className="no-print sticky bottom-0 flex items-center gap-4 border-t border-slate-200 bg-white/95 py-3">
          <button
            type="submit"
            name="intent"
            value="save"
            disabled={busy}
            className="rounded-md bg-indigo-700 px-4 py-2 text-sm font-semibold text-white disabled:opacity-60"
          >
            Save draft
          </button>
          {form.dirty ? <span className="text-sm text-amber-800">Unsaved changes</span> : null}
        </div>
      </Form>
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
