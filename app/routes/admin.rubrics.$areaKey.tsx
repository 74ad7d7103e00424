import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import {
  CriterionFieldset,
  MAX_CRITERIA,
  RubricDiff,
  RubricReadOnly,
  type CriterionView,
  type QuestionLimits,
  type RubricFormValues,
} from "~/components/admin/rubric-editor";
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
import { RUBRIC_LIMITS, rubricDraftSchema } from "~/domain/rubrics/rubric-validation";
import { isScreenAreaKey, type ScreenAreaKey } from "~/domain/screen-areas";
import {
  discardRubricDraft,
  getRubricAdminView,
  publishRubricDraft,
  saveRubricDraft,
  startRubricDraft,
  type RubricWriteFailure,
} from "~/models/rubric-admin.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.area.name} rubric · ML Leveling` : "Rubric · ML Leveling" },
];

const INVALID_DRAFT_MESSAGE = "The saved draft is not valid yet: fix and save it before publishing.";

const NOTICES: Record<string, string> = {
  started: "Draft started from the published version. Edit it, save, review the changes, then publish.",
  saved: "Draft saved.",
  published: "Published. Interviews without a scorecard use this version from now on; started scorecards keep theirs.",
  discarded: "Draft discarded.",
};


function requireAreaKey(value: string | undefined): ScreenAreaKey {
  if (!value || !isScreenAreaKey(value)) throw new Response("Screen area not found", { status: 404 });
  return value;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, "ADMIN");
  const view = await getRubricAdminView(requireAreaKey(params.areaKey));
  if (!view) throw new Response("Screen area not found", { status: 404 });
  const toCriteria = (criteria: readonly CriterionView[]) =>
    criteria.map(({ key, title, lookFor, weight, anchors, questions }) => ({ key, title, lookFor, weight, anchors, questions }));
  return {
    area: view.area,
    ...versionsForPage(view, {
      published: (published) => ({ criteria: toCriteria(published.criteria) }),
      draft: (draft) => ({ criteria: toCriteria(draft.criteria) }),
    }),
    changes: view.changes,
    limits: {
      min: RUBRIC_LIMITS.minCriteria,
      max: RUBRIC_LIMITS.maxCriteria,
      questions: { max: RUBRIC_LIMITS.maxQuestions, maxLength: RUBRIC_LIMITS.questionMaxLength },
    },
  };
}

function failure(intent: string, result: RubricWriteFailure) {
  switch (result.reason) {
    case "not_found":
      throw new Response("Screen area not found", { status: 404 });
    case "draft_exists":
      return draftMessage(intent, `Another admin already started draft version ${result.number} of this rubric: edit that one.`, 409);
    case "invalid":
      return draftMessage(intent, `${INVALID_DRAFT_MESSAGE} ${Object.values(result.fieldErrors).flat().join(" ")}`, 400);
    default:
      return draftMessage(intent, DRAFT_MESSAGES[result.reason], 409);
  }
}

/** Lowercase words joined by hyphens, from a title; "" when nothing usable is left. */
function slugFrom(title: string): string {
  return title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, RUBRIC_LIMITS.keyMaxLength)
    .replace(/-+$/g, "");
}

/** A blank key of a new criterion is derived from its title, made unique within the draft. */
function fillBlankKeys(formData: FormData): void {
  const indexes = new Set<number>();
  for (const name of formData.keys()) {
    const match = /^criteria\[(\d+)\]\./.exec(name);
    if (match) indexes.add(Number(match[1]));
  }
  const taken = new Set([...indexes].map((index) => String(formData.get(`criteria[${index}].key`) ?? "").trim()).filter(Boolean));
  for (const index of [...indexes].sort((a, b) => a - b)) {
    const name = `criteria[${index}].key`;
    if (String(formData.get(name) ?? "").trim() !== "") continue;
    const base = slugFrom(String(formData.get(`criteria[${index}].title`) ?? ""));
    if (!base) continue;
    let key = base;
    for (let suffix = 2; taken.has(key); suffix += 1) key = `${base}-${suffix}`;
    taken.add(key);
    formData.set(name, key);
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const admin = await requireRole(request, "ADMIN");
  const areaKey = requireAreaKey(params.areaKey);
  const actor = { id: admin.id, ipAddress: context.clientIp };
  const formData = await request.formData();
  formData.set("areaKey", areaKey);

  // Add, remove, move up/down: Conform list intents. The reply is the edited form; nothing is stored.
  if (formData.has("__intent__")) {
    return parseWithZod(formData, { schema: rubricDraftSchema }).reply();
  }

  const intent = String(formData.get("intent") ?? "");
  // Every intent but start acts on the draft the form names.
  const reference = readDraftReference(formData);
  switch (intent) {
    case "start": {
      const result = await startRubricDraft(areaKey, actor);
      if (!result.ok) return failure(intent, result);
      throw redirect(`/admin/rubrics/${areaKey}?done=started`);
    }
    case "save": {
      fillBlankKeys(formData);
      const submission = parseWithZod(formData, { schema: rubricDraftSchema });
      if (!reference) return refuseDraftSave(submission, "badRequest");
      if (submission.status !== "success") return data(submission.reply(), { status: 400 });
      const result = await saveRubricDraft({ areaKey, ...reference, rubric: submission.value, actor });
      if (result.ok) throw redirect(`/admin/rubrics/${areaKey}?done=saved`);
      if (result.reason === "invalid") return data(submission.reply({ fieldErrors: result.fieldErrors }), { status: 400 });
      if (result.reason === "conflict" || result.reason === "gone") return refuseDraftSave(submission, result.reason);
      return failure(intent, result);
    }
    case "publish":
    case "discard": {
      if (!reference) return draftMessage(intent, DRAFT_MESSAGES.badRequest, 400);
      const result =
        intent === "publish"
          ? await publishRubricDraft({ areaKey, ...reference, actor })
          : await discardRubricDraft({ areaKey, ...reference, actor });
      if (!result.ok) return failure(intent, result);
      throw redirect(`/admin/rubrics/${areaKey}?done=${intent === "publish" ? "published" : "discarded"}`);
    }
    default:
      return draftMessage(intent, DRAFT_MESSAGES.badRequest, 400);
  }
}

function toFormValues(criteria: readonly CriterionView[]): RubricFormValues {
  return {
    criteria: criteria.map((criterion) => ({
      key: criterion.key,
      title: criterion.title,
      lookFor: criterion.lookFor,
      weight: String(criterion.weight),
      anchors: { 1: criterion.anchors[1], 2: criterion.anchors[2], 3: criterion.anchors[3], 4: criterion.anchors[4] },
      questions: criterion.questions.join("\n"),
    })),
  };
}

export default function RubricAreaPage() {
  const { area, published, draft, changes, history, limits } = useLoaderData<typeof loader>();
  const { done, message, reply } = useDraftPageState();
  const notice = NOTICES[done];
  const titles = Object.fromEntries([...(published?.criteria ?? []), ...(draft?.criteria ?? [])].map((c) => [c.key, c.title]));

  return (
    <main className="mx-auto max-w-5xl p-6">
      <p className="text-sm">
        <Link to="/admin/rubrics" className="text-indigo-700 underline">
          Rubrics
        </Link>
      </p>
      <h1 className="mt-1 text-2xl font-bold">{area.name} rubric</h1>
      <p className="mt-1 max-w-3xl text-sm text-slate-600">{area.description}</p>
      {notice ? <Notice tone="success">{notice}</Notice> : null}
      {message ? <Notice tone="error">{message.message}</Notice> : null}

      {draft ? (
        <DraftEditor
          key={`${draft.id}:${draft.version}`}
          draft={draft}
          lockedKeys={published?.criteria.map((c) => c.key) ?? []}
          reply={reply}
          limits={limits}
        />
      ) : (
        <StartDraftSection title="Change this rubric">
          A published version never changes. Start a draft: it copies version {published?.number ?? "—"}, and nobody sees it until
          you publish it.
        </StartDraftSection>
      )}

      {draft ? (
        <DraftChangesSection headingId="changes-heading" draftNumber={draft.number} publishedNumber={published?.number}>
          <p className="mb-3 text-sm text-slate-600">This is what publishing changes. Unsaved edits above are not included.</p>
          <RubricDiff changes={changes} titles={titles} />
          <DraftPublishBar draft={draft}>
            Publishing makes version {draft.number} the one every interview without a scorecard uses. Scorecards already started
            stay on the version they were filled with.
          </DraftPublishBar>
        </DraftChangesSection>
      ) : null}

      {published ? (
        <PublishedVersionSection published={published} open={!draft}>
          <div className="mt-3">
            <RubricReadOnly criteria={published.criteria} />
          </div>
        </PublishedVersionSection>
      ) : null}

      <VersionHistory versions={history} />
    </main>
  );
}

function DraftEditor({
  draft,
  lockedKeys,
  reply,
  limits,
}: {
  draft: { id: string; number: number; version: number; createdAt: string; createdBy: string; criteria: CriterionView[] };
  lockedKeys: string[];
  reply: SubmissionResult<string[]> | undefined;
  limits: { min: number; max: number; questions: QuestionLimits };
}) {
  // Validation runs on the server only (no Zod in the browser); errors come back in `reply`.
  const [form, fields] = useForm<RubricFormValues>({
    id: `rubric-draft-${draft.id}`,
    lastResult: reply,
    defaultValue: toFormValues(draft.criteria),
  });
  const criteria = fields.criteria.getFieldList();
  const locked = new Set(lockedKeys);
  return (
    <DraftEditorSection
      headingId="draft-heading"
      draft={draft}
      startedNote={
        <>
          {" "}
          · saved {draft.version - 1} time{draft.version - 1 === 1 ? "" : "s"}. {limits.min}–{limits.max} criteria, each with a weight
          above 0 and all four anchors.
        </>
      }
    >
      <Form method="post" className="mt-4 space-y-4" {...getFormProps(form)}>
        {/* First in the form, so pressing Enter in a field saves rather than moving a criterion. */}
        <button type="submit" name="intent" value="save" className="sr-only" tabIndex={-1} aria-hidden="true">
          Save draft
        </button>
        <DraftReferenceFields draft={draft} />
        <NotSavedSummary reply={reply} />
        <ErrorList id={form.errorId} errors={form.errors} />
        <ErrorList id={fields.criteria.errorId} errors={fields.criteria.errors} />
        {criteria.map((criterion, index) => (
          <CriterionFieldset
            key={criterion.key}
            form={form}
            listName={fields.criteria.name}
            field={criterion}
            index={index}
            count={criteria.length}
            keyLocked={locked.has(String(criterion.getFieldset().key.initialValue ?? ""))}
            questionLimits={limits.questions}
          />
        ))}
        <DraftSaveBar dirty={form.dirty}>
          {criteria.length < MAX_CRITERIA ? (
            <button
              {...form.insert.getButtonProps({ name: fields.criteria.name, defaultValue: { weight: "2" } })}
              className="rounded-md border border-slate-300 px-4 py-2 text-sm font-semibold"
            >
              Add a criterion
            </button>
          ) : null}
        </DraftSaveBar>
      </Form>
    </DraftEditorSection>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
