import { getInputProps, getTextareaProps, type FieldMetadata, type FormMetadata } from "@conform-to/react";
import type { RubricChange } from "~/domain/rubrics/rubric-diff";
import { RATING_SCALE_LABELS, RATING_SCORES, type RubricAnchors } from "~/domain/rubrics/types";
import { ErrorList } from "~/components/forms";
import { CriterionAnchors, CriterionCard } from "~/components/rubric-criterion";
import { SuggestedQuestions } from "~/components/suggested-questions";

/** The editor's form values: what the inputs hold (strings), shaped like a RubricDraft. */
export type CriterionFormValue = {
  key: string;
  title: string;
  lookFor: string;
  weight: string;
  anchors: Record<"1" | "2" | "3" | "4", string>;
  /** The interview kit's suggested questions, one per line. */
  questions: string;
};
export type RubricFormValues = { criteria: CriterionFormValue[] };

export type CriterionView = { key: string; title: string; lookFor: string; weight: number; anchors: RubricAnchors; questions: string[] };

/** How many suggested questions a criterion may have, and how long each may be (checked on the server). */
export type QuestionLimits = { max: number; maxLength: number };

export const MAX_CRITERIA = 6;

const inputClass =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-indigo-600 focus:outline-none focus:ring-1 focus:ring-indigo-600";
const smallButton = "rounded border border-slate-300 bg-white px-2 py-1 text-xs font-medium text-slate-700 hover:bg-slate-100";

function Label({ htmlFor, children }: { htmlFor: string; children: React.ReactNode }) {
  return (
    <label htmlFor={htmlFor} className="block text-sm font-medium text-slate-800">
      {children}
    </label>
  );
}

function describedBy(field: { errors?: string[]; errorId: string }) {
  return field.errors?.length ? { "aria-invalid": true, "aria-describedby": field.errorId } : {};
}

/**
 * One criterion of the draft: move, remove, and every field, named `criteria[i].…` so the
 * whole draft posts as one form. The buttons are Conform list intents: with JavaScript off
 * they post the form and the server answers with the reordered list (nothing is saved).
 */
export function CriterionFieldset({
  form,
  listName,
  field,
  index,
  count,
  keyLocked,
  questionLimits,
}: {
  form: FormMetadata<RubricFormValues>;
  listName: FieldMetadata<CriterionFormValue[]>["name"];
  field: FieldMetadata<CriterionFormValue>;
  index: number;
  count: number;
  /** Keys of criteria in the published version stay fixed, so the diff can match them. */
  keyLocked: boolean;
  questionLimits: QuestionLimits;
}) {
  const criterion = field.getFieldset();
  const anchors = criterion.anchors.getFieldset();
  const title = criterion.title.value || criterion.title.initialValue || "New criterion";
  return (
    <fieldset className="rounded-lg border border-slate-200 bg-white p-4" data-criterion-index={index}>
      <legend className="px-1 text-sm font-semibold text-slate-900">
        {`Criterion ${index + 1}: ${title}`}
      </legend>
      <div className="mb-3 flex flex-wrap gap-2">
        <button
          {...form.reorder.getButtonProps({ name: listName, from: index, to: index - 1 })}
          disabled={index === 0}
          className={`${smallButton} disabled:opacity-40`}
          aria-label={`Move criterion ${index + 1} up`}
        >
          Move up
        </button>
        <button
          {...form.reorder.getButtonProps({ name: listName, from: index, to: index + 1 })}
          disabled={index === count - 1}
          className={`${smallButton} disabled:opacity-40`}
          aria-label={`Move criterion ${index + 1} down`}
        >
          Move down
        </button>
        <button
          {...form.remove.getButtonProps({ name: listName, index })}
          className={`${smallButton} text-red-700`}
          aria-label={`Remove criterion ${index + 1}`}
        >
          Remove
        </button>
      </div>
      <div className="grid gap-3 md:grid-cols-[1fr_8rem]">
        <div className="space-y-1">
          <Label htmlFor={criterion.title.id}>Title</Label>
          <input {...getInputProps(criterion.title, { type: "text" })} {...describedBy(criterion.title)} className={inputClass} />
          <ErrorList id={criterion.title.errorId} errors={criterion.title.errors} />
        </div>
        <div className="space-y-1">
          <Label htmlFor={criterion.weight.id}>Weight</Label>
          <input
            {...getInputProps(criterion.weight, { type: "number" })}
            {...describedBy(criterion.weight)}
            step="any"
            className={inputClass}
          />
          <ErrorList id={criterion.weight.errorId} errors={criterion.weight.errors} />
        </div>
      </div>
      {keyLocked ? (
        <>
          <input {...getInputProps(criterion.key, { type: "hidden" })} />
          <p className="mt-1 text-xs text-slate-500">
            Key <code>{criterion.key.initialValue}</code> (fixed: it matches this criterion across versions)
          </p>
        </>
      ) : (
        <div className="mt-3 space-y-1">
          <Label htmlFor={criterion.key.id}>Key</Label>
          <input {...getInputProps(criterion.key, { type: "text" })} {...describedBy(criterion.key)} className={`${inputClass} max-w-xs font-mono`} />
          <p className="text-xs text-slate-500">Lowercase words joined by hyphens. Leave blank to derive it from the title.</p>
          <ErrorList id={criterion.key.errorId} errors={criterion.key.errors} />
        </div>
      )}
      <div className="mt-3 space-y-1">
        <Label htmlFor={criterion.lookFor.id}>What to look for</Label>
        <textarea {...getTextareaProps(criterion.lookFor)} {...describedBy(criterion.lookFor)} rows={3} className={inputClass} />
        <ErrorList id={criterion.lookFor.errorId} errors={criterion.lookFor.errors} />
      </div>
      <div className="mt-3 grid gap-3 md:grid-cols-2">
        {RATING_SCORES.map((score) => {
          const anchor = anchors[String(score) as "1"];
          return (
            <div key={score} className="space-y-1">
              <Label htmlFor={anchor.id}>
                Anchor {score} · {RATING_SCALE_LABELS[score]}
              </Label>
              <textarea {...getTextareaProps(anchor)} {...describedBy(anchor)} rows={3} className={inputClass} />
              <ErrorList id={anchor.errorId} errors={anchor.errors} />
            </div>
          );
        })}
      </div>
      <div className="mt-3 space-y-1">
        <Label htmlFor={criterion.questions.id}>Suggested questions and follow-ups (interview kit)</Label>
        <textarea
          {...getTextareaProps(criterion.questions)}
          aria-describedby={[`${criterion.questions.id}-hint`, criterion.questions.errors?.length ? criterion.questions.errorId : null]
            .filter(Boolean)
            .join(" ")}
          aria-invalid={criterion.questions.errors?.length ? true : undefined}
          rows={4}
          className={inputClass}
        />
        <p id={`${criterion.questions.id}-hint`} className="text-xs text-slate-500">
          One question per line, at most {questionLimits.max}, each up to {questionLimits.maxLength} characters. Interviewers see them in
          the interview kit of this rubric version.
        </p>
        <ErrorList id={criterion.questions.errorId} errors={criterion.questions.errors} />
      </div>
    </fieldset>
  );
}

/** A published (or any frozen) version, read-only. */
export function RubricReadOnly({ criteria }: { criteria: readonly CriterionView[] }) {
  return (
    <ol className="space-y-4">
      {criteria.map((criterion, index) => (
        <CriterionCard key={criterion.key} index={index} criterion={criterion}>
          <CriterionAnchors anchors={criterion.anchors} />
          <h4 className="mt-3 text-sm font-medium text-slate-600">Suggested questions</h4>
          <SuggestedQuestions questions={criterion.questions} />
        </CriterionCard>
      ))}
    </ol>
  );
}

function BeforeAfter({ before, after }: { before: string; after: string }) {
  return (
    <div className="mt-1 grid gap-2 md:grid-cols-2">
      <p className="rounded bg-red-50 p-2 text-red-900">
        <span className="sr-only">Before: </span>
        <del>{before}</del>
      </p>
      <p className="rounded bg-green-50 p-2 text-green-900">
        <span className="sr-only">After: </span>
        <ins className="no-underline">{after}</ins>
      </p>
    </div>
  );
}

function BeforeAfterList({ before, after }: { before: readonly string[]; after: readonly string[] }) {
  const list = (items: readonly string[]) =>
    items.length === 0 ? <em>none</em> : <ol className="list-decimal pl-5">{items.map((item, index) => <li key={index}>{item}</li>)}</ol>;
  return (
    <div className="mt-1 grid gap-2 md:grid-cols-2">
      <div className="rounded bg-red-50 p-2 text-red-900">
        <span className="sr-only">Before: </span>
        <del className="no-underline">{list(before)}</del>
      </div>
      <div className="rounded bg-green-50 p-2 text-green-900">
        <span className="sr-only">After: </span>
        <ins className="no-underline">{list(after)}</ins>
      </div>
    </div>
  );
}

/** The draft's changes against the published version, in words. */
export function RubricDiff({ changes, titles }: { changes: readonly RubricChange[]; titles: Record<string, string> }) {
  if (changes.length === 0) return <p className="text-sm text-slate-600">No changes against the published version yet.</p>;
  const name = (key: string) => `“${titles[key] ?? key}”`;
  return (
    <ul className="space-y-3 text-sm" aria-label="Changes against the published version">
      {changes.map((change, index) => (
        <li key={index} data-change={change.kind}>
          {(() => {
            switch (change.kind) {
              case "criterion_added":
                return <strong>Added criterion {name(change.key)} (weight {change.after.weight})</strong>;
              case "criterion_removed":
                return <strong>Removed criterion “{change.before.title}”</strong>;
              case "criterion_reordered":
                return (
                  <strong>
                    Moved {name(change.key)} from position {change.before} to {change.after}
                  </strong>
                );
              case "weight_changed":
                return (
                  <strong>
                    Weight of {name(change.key)}: {change.before} → {change.after}
                  </strong>
                );
              case "title_changed":
                return (
                  <>
                    <strong>Title of criterion {change.key}</strong>
                    <BeforeAfter before={change.before} after={change.after} />
                  </>
                );
              case "look_for_changed":
                return (
                  <>
                    <strong>What to look for in {name(change.key)}</strong>
                    <BeforeAfter before={change.before} after={change.after} />
                  </>
                );
              case "questions_changed":
                return (
                  <>
                    <strong>Suggested questions of {name(change.key)}</strong>
                    <BeforeAfterList before={change.before} after={change.after} />
                  </>
                );
              case "anchor_changed":
                return (
                  <>
                    <strong>
                      Anchor {change.score} ({RATING_SCALE_LABELS[change.score]}) of {name(change.key)}
                    </strong>
                    <BeforeAfter before={change.before} after={change.after} />
                  </>
                );
            }
          })()}
        </li>
      ))}
    </ul>
  );
}
