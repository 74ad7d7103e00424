import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { PolicyFields, toPolicyFormValues, type PolicyFormValues } from "~/components/admin/policy-fields";
import { DRAFT_MESSAGES, draftMessage, refuseDraftSave } from "~/components/admin/draft-action.server";
import { DraftChangesSection } from "~/components/admin/draft-changes-section";
import { DraftEditorSection } from "~/components/admin/draft-editor-section";
import { useDraftPageState } from "~/components/admin/draft-page-state";
import { DraftPublishBar } from "~/components/admin/draft-publish-bar";
import { DraftReferenceFields, readDraftReference } from "~/components/admin/draft-reference";
import { DraftSaveBar } from "~/components/admin/draft-save-bar";
import { versionsForPage } from "~/components/admin/draft-versions.server";
import { PublishedVersionSection } from "~/components/admin/published-version-section";
import { StartDraftSection } from "~/components/admin/start-draft-section";
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

export const meta: MetaFunction = () => [{ title: "Leveling policy · ML Leveling" }];

/** The editor posts the policy under `policy.` so its own fields (intent, draftId, version) stay apart. */
const policyFormSchema = z.object({ policy: levelingPolicySchema });

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
    ...versionsForPage(view, {
      published: (published) => ({ values: settingsOf(published.policy) }),
      draft: (draft) => ({ form: toPolicyFormValues(draft.policy) }),
    }),
    changes: view.published && view.draft ? policyChanges(view.published.policy, view.draft.policy) : [],
  };
}

function failure(intent: string, result: PolicyWriteFailure) {
  switch (result.reason) {
    case "draft_exists":
      return draftMessage(intent, `Another admin already started draft version ${result.number} of the policy: edit that one.`, 409);
    case "invalid":
      return draftMessage(intent, `The saved draft is not a valid policy: ${result.issues.map((i) => `${i.path}: ${i.message}`).join("; ")}`, 400);
    default:
      return draftMessage(intent, DRAFT_MESSAGES[result.reason], 409);
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const admin = await requireRole(request, "ADMIN");
  const actor = { id: admin.id, ipAddress: context.clientIp };
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  // Every intent but start acts on the draft the form names.
  const reference = readDraftReference(formData);
  switch (intent) {
    case "start": {
      const result = await startPolicyDraft(actor);
      if (!result.ok) return failure(intent, result);
      throw redirect("/admin/policy?done=started");
    }
    case "save": {
      const submission = parseWithZod(formData, { schema: policyFormSchema });
      if (!reference) return refuseDraftSave(submission, "badRequest");
      if (submission.status !== "success") return data(submission.reply(), { status: 400 });
      const result = await savePolicyDraft({ ...reference, policy: submission.value.policy, actor });
      if (result.ok) throw redirect("/admin/policy?done=saved");
      if (result.reason === "conflict" || result.reason === "gone") return refuseDraftSave(submission, result.reason);
      return failure(intent, result);
    }
    case "publish":
    case "discard": {
      if (!reference) return draftMessage(intent, DRAFT_MESSAGES.badRequest, 400);
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
      return draftMessage(intent, DRAFT_MESSAGES.badRequest, 400);
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
  const { searchParams, done, message, reply } = useDraftPageState();
  const notice =
    done === "published"
      ? `Published. ${searchParams.get("recomputed") ?? 0} stored recommendations recomputed under it; ${searchParams.get("changed") ?? 0} changed level or pay. Recorded decisions keep the policy version they were made under.`
      : NOTICES[done];

  return (
    <main className="mx-auto max-w-5xl p-6">
      <h1 className="text-2xl font-bold">Leveling policy</h1>
      <p className="mt-1 max-w-3xl text-sm text-slate-600">
        The thresholds, production rule, gates and salary bands the leveling service applies. The rules are code; these numbers
        are data, versioned like rubrics. Publishing a version recomputes every stored recommendation under it.
      </p>
      {notice ? <Notice tone="success">{notice}</Notice> : null}
      {message ? <Notice tone="error">{message.message}</Notice> : null}

      {draft ? (
        <PolicyDraftEditor key={`${draft.id}:${draft.version}`} draft={draft} reply={reply} />
      ) : (
        <StartDraftSection title="Change the policy">
          A published version never changes. Start a draft: it copies version {published?.number ?? "—"}; nothing uses it until
          you publish it.
        </StartDraftSection>
      )}

      {draft ? (
        <DraftChangesSection headingId="policy-changes-heading" draftNumber={draft.number} publishedNumber={published?.number}>
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
          <DraftPublishBar draft={draft}>
            Before publishing,{" "}
            <Link to="/admin/policy/simulation" className="font-semibold text-indigo-700 underline">
              simulate draft {draft.number}
            </Link>{" "}
            over every stored recommendation to see whose level or band would change.
          </DraftPublishBar>
        </DraftChangesSection>
      ) : null}

      {published ? (
        <PublishedVersionSection published={published} open={!draft}>
          <dl className="mt-3 grid grid-cols-[minmax(0,22rem)_1fr] gap-x-6 gap-y-1 text-sm">
            {Object.entries(published.values).map(([path, value]) => (
              <div key={path} className="contents">
                <dt className="text-slate-600">{describePath(path)}</dt>
                <dd className="font-mono">{value}</dd>
              </div>
            ))}
          </dl>
        </PublishedVersionSection>
      ) : null}

      <VersionHistory versions={history} />
    </main>
  );
}

function PolicyDraftEditor({
  draft,
  reply,
}: {
  draft: { id: string; number: number; version: number; createdAt: string; createdBy: string; form: PolicyFormValues };
  reply: SubmissionResult<string[]> | undefined;
}) {
  // Validated on the server only (no Zod in the browser); errors come back in `reply`.
  const [form, fields] = useForm<PolicyFormValues>({ id: `policy-draft-${draft.id}`, lastResult: reply, defaultValue: draft.form });
  return (
    <DraftEditorSection headingId="policy-draft-heading" draft={draft} startedNote=".">
      <Form method="post" className="mt-4 space-y-4" {...getFormProps(form)}>
        <DraftReferenceFields draft={draft} />
        <NotSavedSummary reply={reply} />
        <ErrorList id={form.errorId} errors={form.errors} />
        <PolicyFields policy={fields.policy} />
        <DraftSaveBar dirty={form.dirty} />
      </Form>
    </DraftEditorSection>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
