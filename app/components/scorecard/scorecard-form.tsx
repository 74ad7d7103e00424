/**
 * The body of a scorecard: every rating, the overall recommendation, the level signal,
 * the production-experience evidence and the note for later interviewers, named
 * exactly as `~/domain/scorecards/scorecard-form.ts` parses them.
 *
 * Inputs are uncontrolled (defaultValue / defaultChecked), so the form works as a plain
 * HTML POST with JavaScript off, and typing never re-renders React. This module imports
 * types and zod-free label constants only: no zod, no schemas.
 */
import { memo, type ReactNode } from "react";
import { ErrorList } from "~/components/forms";
import { LEVEL_TITLES, LEVELS } from "~/domain/levels";
import { RATING_SCALE_LABELS, RATING_SCORES, type RubricCriterionDraft } from "~/domain/rubrics/types";
import type { ScorecardDraft } from "~/domain/scorecards/scorecard-form";
import {
  EVIDENCE_STATUS_LABELS,
  EVIDENCE_STATUSES,
  EXPERIENCE_QUESTION_HINTS,
  EXPERIENCE_QUESTION_LABELS,
  EXPERIENCE_QUESTIONS,
  OPTIONAL_EXPERIENCE_QUESTIONS,
  PRODUCTION_CAPABILITIES,
  PRODUCTION_CAPABILITY_LABELS,
  type ProductionCapability,
  RECOMMENDATION_LABELS,
  RECOMMENDATIONS,
  SCORECARD_LIMITS,
  scorecardFieldNames as names,
  YES_NO,
  YES_NO_LABELS,
} from "./labels";

// ---------------------------------------------------------------------------------
// Public types

/** What the form shows of a rubric criterion. */
export type ScorecardFormCriterion = Pick<RubricCriterionDraft, "key" | "title" | "lookFor" | "weight" | "anchors">;

type Text = string | null | undefined;

/**
 * A partial draft in the nested shape of the draft schema. Accepts a saved draft
 * (typed values) as well as what a failed POST sends back (every value a string).
 */
export interface ScorecardDefaultValues {
  ratings?: Readonly<Record<string, { score?: number | string | null; evidence?: Text } | null | undefined>> | null;
  recommendation?: Text;
  levelSignal?: Text;
  production?: Readonly<Partial<Record<ProductionCapability, { status?: Text; note?: Text } | null | undefined>>> | null;
  lifecycleOwnership?: Text;
  sharedInfrastructure?: Text;
  peopleManagement?: Text;
  noteForLaterInterviewers?: Text;
}

/** Field errors keyed by field name (Conform's `error` / `allErrors` fit as they are). */
export type ScorecardErrors = Readonly<Record<string, readonly string[] | null | undefined>>;

export interface ScorecardFieldsProps {
  criteria: readonly ScorecardFormCriterion[];
  defaultValues?: ScorecardDefaultValues | null;
  errors?: ScorecardErrors | null;
  /** A submitted scorecard: values rendered as text, no inputs at all. */
  readOnly?: boolean;
  /** Prefix of every element id; change it only if two scorecards share a page. */
  idPrefix?: string;
  /** A linked list of the errors above the fields (default true), for a POST that came back with JavaScript off. */
  errorSummary?: boolean;
}

// A saved draft must always be usable as default values (a type-level check, erased at build).
type Assert<T extends true> = T;
export type _DraftFitsDefaultValues = Assert<ScorecardDraft extends ScorecardDefaultValues ? true : false>;

// ---------------------------------------------------------------------------------
// Ids

const DEFAULT_ID_PREFIX = "scorecard";

/** The element id of a field: deterministic, so server and client render the same ids. */
export function scorecardFieldId(fieldName: string, idPrefix: string = DEFAULT_ID_PREFIX): string {
  return `${idPrefix}-${fieldName.replace(/\./g, "__").replace(/[^A-Za-z0-9_-]/g, "-")}`;
}

const optionId = (fieldId: string, value: string | number) => `${fieldId}-${value}`;
const errorIdOf = (fieldId: string) => `${fieldId}-error`;
const hintIdOf = (fieldId: string) => `${fieldId}-hint`;

/** Every field in form order, with the id to focus for it (the first option of a radio group). */
function fieldTargets(criteria: readonly ScorecardFormCriterion[], idPrefix: string): [name: string, targetId: string][] {
  const radio = (name: string, first: string | number): [string, string] => [name, optionId(scorecardFieldId(name, idPrefix), first)];
  const input = (name: string): [string, string] => [name, scorecardFieldId(name, idPrefix)];
  return [
    ...criteria.flatMap(({ key }) => [radio(names.score(key), RATING_SCORES[0]), input(names.evidence(key))]),
    radio(names.recommendation, RECOMMENDATIONS[0]),
    input(names.levelSignal),
    ...PRODUCTION_CAPABILITIES.flatMap((capability) => [
      radio(names.productionStatus(capability), EVIDENCE_STATUSES[0]),
      input(names.productionNote(capability)),
    ]),
    ...EXPERIENCE_QUESTIONS.map((question) => radio(question, YES_NO[0])),
    input(names.noteForLaterInterviewers),
  ];
}

// ---------------------------------------------------------------------------------
// Reading values

function textOf(value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  return "";
}

function sentenceCase(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function messagesOf(errors: ScorecardErrors | null | undefined, name: string): string[] {
  return errors?.[name]?.filter((message) => message.trim() !== "") ?? [];
}

function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const present = ids.filter(Boolean);
  return present.length ? present.join(" ") : undefined;
}

function sharePercent(weight: number, total: number): number | null {
  return total > 0 && Number.isFinite(weight) ? Math.round((weight / total) * 100) : null;
}

// ---------------------------------------------------------------------------------
// Shared classes

const TEXT_CONTROL =
  "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-indigo-600 focus:outline-2 focus:outline-offset-0 focus:outline-indigo-600 aria-[invalid=true]:border-red-600 print:shadow-none";
const RADIO = "size-4 shrink-0 accent-indigo-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600";
const HINT = "text-sm text-slate-600";
const SECTION = "space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6 print:border-0 print:p-0 print:shadow-none";
const SECTION_HEADING = "text-lg font-semibold text-slate-900";

function RequiredTag() {
  return <span className="ml-2 text-xs font-normal text-slate-600">Required to submit</span>;
}

function OptionalTag() {
  return <span className="ml-2 text-xs font-normal text-slate-600">Optional</span>;
}

function FieldErrors({ id, messages }: { id: string; messages: string[] }) {
  return <ErrorList id={id} errors={messages} />;
}

// ---------------------------------------------------------------------------------
// The component

/**
 * The scorecard body. Render it inside the route's `<Form method="post">` (which also
 * carries the hidden `version` and the submit buttons). Memoised: with loader data as
 * props, re-rendering the page (e.g. the autosave status) does not touch the ~30 inputs.
 */
export const ScorecardFields = memo(function ScorecardFields({
  criteria,
  defaultValues,
  errors,
  readOnly = false,
  idPrefix = DEFAULT_ID_PREFIX,
  errorSummary = true,
}: ScorecardFieldsProps) {
  if (readOnly) return <ScorecardReadOnly criteria={criteria} values={defaultValues ?? {}} />;
  const values = defaultValues ?? {};
  const totalWeight = criteria.reduce((sum, criterion) => sum + criterion.weight, 0);
  return (
    <div className="space-y-6">
      {errorSummary ? <ScorecardErrorSummary criteria={criteria} errors={errors} idPrefix={idPrefix} /> : null}

      <section aria-labelledby={`${idPrefix}-ratings-heading`} className={SECTION}>
        <h2 id={`${idPrefix}-ratings-heading`} className={SECTION_HEADING}>
          Ratings
        </h2>
        <p className={HINT}>
          Score each criterion against its anchors: 1 {RATING_SCALE_LABELS[1]}, 2 {RATING_SCALE_LABELS[2]}, 3{" "}
          {RATING_SCALE_LABELS[3]}, 4 {RATING_SCALE_LABELS[4]}. There is no middle score. Every score needs written
          evidence. A draft saves with anything missing; fields marked “Required to submit” must be filled before you
          submit.
        </p>
        {criteria.map((criterion) => (
          <CriterionFields
            key={criterion.key}
            criterion={criterion}
            totalWeight={totalWeight}
            score={textOf(values.ratings?.[criterion.key]?.score)}
            evidence={textOf(values.ratings?.[criterion.key]?.evidence)}
            errors={errors}
            idPrefix={idPrefix}
          />
        ))}
      </section>

      <section aria-labelledby={`${idPrefix}-overall-heading`} className={SECTION}>
        <h2 id={`${idPrefix}-overall-heading`} className={SECTION_HEADING}>
          Overall
        </h2>
        <ChoiceGroup
          name={names.recommendation}
          legend="Overall recommendation"
          required
          options={RECOMMENDATIONS.map((value) => ({ value, label: RECOMMENDATION_LABELS[value] }))}
          defaultValue={textOf(values.recommendation)}
          errors={errors}
          idPrefix={idPrefix}
        />
        <LevelSignalSelect defaultValue={textOf(values.levelSignal)} errors={errors} idPrefix={idPrefix} />
      </section>

      <section aria-labelledby={`${idPrefix}-production-heading`} className={SECTION}>
        <h2 id={`${idPrefix}-production-heading`} className={SECTION_HEADING}>
          Production experience
        </h2>
        <p className={HINT}>
          For each capability: did the candidate show they have done it in production? A note is required when you mark
          it evidenced.
        </p>
        {PRODUCTION_CAPABILITIES.map((capability) => (
          <ProductionCapabilityFields
            key={capability}
            capability={capability}
            status={textOf(values.production?.[capability]?.status)}
            note={textOf(values.production?.[capability]?.note)}
            errors={errors}
            idPrefix={idPrefix}
          />
        ))}
        <div className="space-y-4 border-t border-slate-200 pt-4">
          {EXPERIENCE_QUESTIONS.map((question) => (
            <ChoiceGroup
              key={question}
              name={question}
              legend={EXPERIENCE_QUESTION_LABELS[question]}
              hint={EXPERIENCE_QUESTION_HINTS[question]}
              required={!OPTIONAL_EXPERIENCE_QUESTIONS.includes(question)}
              options={YES_NO.map((value) => ({ value, label: YES_NO_LABELS[value] }))}
              defaultValue={textOf(values[question])}
              errors={errors}
              idPrefix={idPrefix}
            />
          ))}
        </div>
      </section>

      <section aria-labelledby={`${idPrefix}-note-heading`} className={SECTION}>
        <h2 id={`${idPrefix}-note-heading`} className={SECTION_HEADING}>
          Note for later interviewers
        </h2>
        <NoteForLaterInterviewers defaultValue={textOf(values.noteForLaterInterviewers)} errors={errors} idPrefix={idPrefix} />
      </section>
    </div>
  );
});

// ---------------------------------------------------------------------------------
// Editable parts

function CriterionFields({
  criterion,
  totalWeight,
  score,
  evidence,
  errors,
  idPrefix,
}: {
  criterion: ScorecardFormCriterion;
  totalWeight: number;
  score: string;
  evidence: string;
  errors: ScorecardErrors | null | undefined;
  idPrefix: string;
}) {
  const scoreName = names.score(criterion.key);
  const evidenceName = names.evidence(criterion.key);
  const scoreId = scorecardFieldId(scoreName, idPrefix);
  const evidenceId = scorecardFieldId(evidenceName, idPrefix);
  const lookForId = `${scorecardFieldId(`ratings.${criterion.key}`, idPrefix)}-look-for`;
  const scoreErrors = messagesOf(errors, scoreName);
  const evidenceErrors = messagesOf(errors, evidenceName);
  const share = sharePercent(criterion.weight, totalWeight);

  return (
    <fieldset className="space-y-3 border-t border-slate-200 pt-4 print:break-inside-avoid">
      <legend className="float-left w-full text-base font-semibold text-slate-900">{criterion.title}</legend>
      <div className="clear-left space-y-1 pt-1">
        <p className="text-xs font-medium uppercase tracking-wide text-slate-600">
          Weight {criterion.weight}
          {share === null ? null : ` · ${share}% of this area’s score`}
        </p>
        <p id={lookForId} className="text-sm text-slate-700">
          <span className="font-medium text-slate-900">What to look for: </span>
          {criterion.lookFor}
        </p>
      </div>

      <fieldset
        role="radiogroup"
        aria-required="true"
        aria-invalid={scoreErrors.length ? true : undefined}
        aria-describedby={describedBy(lookForId, scoreErrors.length > 0 && errorIdOf(scoreId))}
        id={scoreId}
      >
        <legend className="text-sm font-medium text-slate-800">
          Score<span className="sr-only"> for {criterion.title}</span>
          <RequiredTag />
        </legend>
        <div className="mt-2 grid gap-2 sm:grid-cols-2 lg:grid-cols-4 print:grid-cols-2">
          {RATING_SCORES.map((value) => {
            const id = optionId(scoreId, value);
            return (
              <label
                key={value}
                htmlFor={id}
                className="flex cursor-pointer gap-3 rounded-md border border-slate-300 bg-white p-3 hover:border-slate-400 has-[:checked]:border-indigo-600 has-[:checked]:bg-indigo-50 has-[:checked]:ring-1 has-[:checked]:ring-indigo-600 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-indigo-600 print:break-inside-avoid"
              >
                <input
                  type="radio"
                  id={id}
                  name={scoreName}
                  value={value}
                  defaultChecked={score === String(value)}
                  aria-labelledby={`${id}-name`}
                  aria-describedby={`${id}-anchor`}
                  className="mt-0.5 size-4 shrink-0 accent-indigo-700 focus-visible:outline-none"
                />
                <span className="min-w-0">
                  <span id={`${id}-name`} className="block text-sm font-semibold text-slate-900">
                    <span className="mr-1.5 inline-flex size-5 items-center justify-center rounded-full bg-slate-800 text-xs text-white print:border print:border-slate-800 print:bg-white print:text-slate-900">
                      {value}
                    </span>
                    {sentenceCase(RATING_SCALE_LABELS[value])}
                  </span>
                  <span id={`${id}-anchor`} className="mt-1 block text-sm text-slate-700">
                    {criterion.anchors[value]}
                  </span>
                </span>
              </label>
            );
          })}
        </div>
        <FieldErrors id={errorIdOf(scoreId)} messages={scoreErrors} />
      </fieldset>

      <div>
        <label htmlFor={evidenceId} className="block text-sm font-medium text-slate-800">
          Evidence<span className="sr-only"> for {criterion.title}</span>
          <RequiredTag />
        </label>
        <p id={hintIdOf(evidenceId)} className="text-xs text-slate-600">
          What the candidate said or did that supports the score: at least {SCORECARD_LIMITS.evidenceMinNonBlankCharacters}{" "}
          characters, not counting spaces.
        </p>
        <textarea
          id={evidenceId}
          name={evidenceName}
          rows={4}
          maxLength={SCORECARD_LIMITS.evidenceMaxLength}
          defaultValue={evidence}
          aria-required="true"
          aria-invalid={evidenceErrors.length ? true : undefined}
          aria-describedby={describedBy(hintIdOf(evidenceId), evidenceErrors.length > 0 && errorIdOf(evidenceId))}
          className={TEXT_CONTROL}
        />
        <FieldErrors id={errorIdOf(evidenceId)} messages={evidenceErrors} />
      </div>
    </fieldset>
  );
}

/** A radio group whose options are short labels, laid out in a row. */
function ChoiceGroup({
  name,
  legend,
  hint,
  required,
  options,
  defaultValue,
  errors,
  idPrefix,
}: {
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  required: boolean;
  options: { value: string; label: string }[];
  defaultValue: string;
  errors: ScorecardErrors | null | undefined;
  idPrefix: string;
}) {
  const id = scorecardFieldId(name, idPrefix);
  const messages = messagesOf(errors, name);
  return (
    <fieldset
      id={id}
      role="radiogroup"
      aria-required={required ? "true" : undefined}
      aria-invalid={messages.length ? true : undefined}
      aria-describedby={describedBy(hint ? hintIdOf(id) : undefined, messages.length > 0 && errorIdOf(id))}
      className="print:break-inside-avoid"
    >
      <legend className="text-sm font-medium text-slate-800">
        {legend}
        {required ? <RequiredTag /> : <OptionalTag />}
      </legend>
      {hint ? (
        <p id={hintIdOf(id)} className="text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
      <div className="mt-2 flex flex-wrap gap-x-5 gap-y-2">
        {options.map((option) => (
          <label key={option.value} htmlFor={optionId(id, option.value)} className="flex cursor-pointer items-center gap-2 text-sm">
            <input
              type="radio"
              id={optionId(id, option.value)}
              name={name}
              value={option.value}
              defaultChecked={defaultValue === option.value}
              className={RADIO}
            />
            {option.label}
          </label>
        ))}
      </div>
      <FieldErrors id={errorIdOf(id)} messages={messages} />
    </fieldset>
  );
}

function LevelSignalSelect({
  defaultValue,
  errors,
  idPrefix,
}: {
  defaultValue: string;
  errors: ScorecardErrors | null | undefined;
  idPrefix: string;
}) {
  const id = scorecardFieldId(names.levelSignal, idPrefix);
  const messages = messagesOf(errors, names.levelSignal);
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        Level signal
        <RequiredTag />
      </label>
      <p id={hintIdOf(id)} className="text-xs text-slate-600">
        The level this interview showed, whatever the candidate applied for.
      </p>
      <select
        id={id}
        name={names.levelSignal}
        defaultValue={defaultValue}
        aria-required="true"
        aria-invalid={messages.length ? true : undefined}
        aria-describedby={describedBy(hintIdOf(id), messages.length > 0 && errorIdOf(id))}
        className={`${TEXT_CONTROL} sm:max-w-sm`}
      >
        <option value="">Choose a level…</option>
        {LEVELS.map((level) => (
          <option key={level} value={level}>
            {level} — {LEVEL_TITLES[level]}
          </option>
        ))}
      </select>
      <FieldErrors id={errorIdOf(id)} messages={messages} />
    </div>
  );
}

function ProductionCapabilityFields({
  capability,
  status,
  note,
  errors,
  idPrefix,
}: {
  capability: ProductionCapability;
  status: string;
  note: string;
  errors: ScorecardErrors | null | undefined;
  idPrefix: string;
}) {
  const label = PRODUCTION_CAPABILITY_LABELS[capability];
  const noteName = names.productionNote(capability);
  const noteId = scorecardFieldId(noteName, idPrefix);
  const noteErrors = messagesOf(errors, noteName);
  return (
    <div className="grid gap-3 border-t border-slate-200 pt-4 md:grid-cols-[minmax(0,2fr)_minmax(0,3fr)] print:break-inside-avoid">
      <ChoiceGroup
        name={names.productionStatus(capability)}
        legend={label}
        required
        options={EVIDENCE_STATUSES.map((value) => ({ value, label: EVIDENCE_STATUS_LABELS[value] }))}
        defaultValue={status}
        errors={errors}
        idPrefix={idPrefix}
      />
      <div>
        <label htmlFor={noteId} className="block text-sm font-medium text-slate-800">
          Note<span className="sr-only"> on {label}</span>
          <span className="ml-2 text-xs font-normal text-slate-600">Required when evidenced</span>
        </label>
        <input
          type="text"
          id={noteId}
          name={noteName}
          maxLength={SCORECARD_LIMITS.noteMaxLength}
          defaultValue={note}
          aria-invalid={noteErrors.length ? true : undefined}
          aria-describedby={describedBy(noteErrors.length > 0 && errorIdOf(noteId))}
          className={TEXT_CONTROL}
        />
        <FieldErrors id={errorIdOf(noteId)} messages={noteErrors} />
      </div>
    </div>
  );
}

function NoteForLaterInterviewers({
  defaultValue,
  errors,
  idPrefix,
}: {
  defaultValue: string;
  errors: ScorecardErrors | null | undefined;
  idPrefix: string;
}) {
  const name = names.noteForLaterInterviewers;
  const id = scorecardFieldId(name, idPrefix);
  const messages = messagesOf(errors, name);
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        Note<span className="sr-only"> for later interviewers</span>
        <OptionalTag />
      </label>
      <p id={hintIdOf(id)} className="text-xs text-slate-600">
        Interviewers who meet the candidate after you see this note before they score, for example a topic to probe
        further. They see only the note, never your scores, so do not hint at a rating here.
      </p>
      <textarea
        id={id}
        name={name}
        rows={3}
        maxLength={SCORECARD_LIMITS.noteMaxLength}
        defaultValue={defaultValue}
        aria-invalid={messages.length ? true : undefined}
        aria-describedby={describedBy(hintIdOf(id), messages.length > 0 && errorIdOf(id))}
        className={TEXT_CONTROL}
      />
      <FieldErrors id={errorIdOf(id)} messages={messages} />
    </div>
  );
}

// ---------------------------------------------------------------------------------
// Error summary

/**
 * The errors of a returned POST as links to their fields, in form order. Errors under
 * names the form does not know (e.g. Conform's form-level "") are listed without a link.
 */
export function ScorecardErrorSummary({
  criteria,
  errors,
  idPrefix = DEFAULT_ID_PREFIX,
}: {
  criteria: readonly ScorecardFormCriterion[];
  errors?: ScorecardErrors | null;
  idPrefix?: string;
}) {
  if (!errors) return null;
  const targets = fieldTargets(criteria, idPrefix);
  const known = new Set(targets.map(([name]) => name));
  const items: { key: string; message: string; href?: string }[] = [];
  for (const [name, targetId] of targets) {
    for (const message of messagesOf(errors, name)) items.push({ key: `${name}:${message}`, message, href: `#${targetId}` });
  }
  for (const name of Object.keys(errors)) {
    if (known.has(name)) continue;
    for (const message of messagesOf(errors, name)) items.push({ key: `${name}:${message}`, message });
  }
  if (items.length === 0) return null;
  const headingId = `${idPrefix}-error-summary-heading`;
  return (
    <div role="alert" aria-labelledby={headingId} className="rounded-lg border-2 border-red-700 bg-red-50 p-4">
      <h2 id={headingId} className="text-base font-semibold text-red-800">
        {items.length === 1 ? "1 thing to fix before this can be submitted" : `${items.length} things to fix before this can be submitted`}
      </h2>
      <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-red-800">
        {items.map((item) => (
          <li key={item.key}>
            {item.href ? (
              <a href={item.href} className="underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-700">
                {item.message}
              </a>
            ) : (
              item.message
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

// ---------------------------------------------------------------------------------
// Read-only

function NotAnswered({ children = "Not answered" }: { children?: ReactNode }) {
  return <span className="italic text-slate-500">{children}</span>;
}

function labelOf<Key extends string>(labels: Record<Key, string>, value: string): string {
  return value in labels ? labels[value as Key] : value;
}

function ScorecardReadOnly({
  criteria,
  values,
}: {
  criteria: readonly ScorecardFormCriterion[];
  values: ScorecardDefaultValues;
}) {
  const totalWeight = criteria.reduce((sum, criterion) => sum + criterion.weight, 0);
  const recommendation = textOf(values.recommendation);
  const levelSignal = textOf(values.levelSignal);
  const note = textOf(values.noteForLaterInterviewers);
  return (
    <div className="space-y-6">
      <section className={SECTION}>
        <h2 className={SECTION_HEADING}>Ratings</h2>
        {criteria.map((criterion) => {
          const score = textOf(values.ratings?.[criterion.key]?.score);
          const evidence = textOf(values.ratings?.[criterion.key]?.evidence);
          const scale = RATING_SCORES.find((value) => String(value) === score);
          const share = sharePercent(criterion.weight, totalWeight);
          return (
            <article key={criterion.key} className="space-y-2 border-t border-slate-200 pt-4 print:break-inside-avoid">
              <h3 className="text-base font-semibold text-slate-900">{criterion.title}</h3>
              <p className="text-xs font-medium uppercase tracking-wide text-slate-600">
                Weight {criterion.weight}
                {share === null ? null : ` · ${share}% of this area’s score`}
              </p>
              <dl className="grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[8rem_minmax(0,1fr)]">
                <dt className="font-medium text-slate-700">Score</dt>
                <dd>
                  {scale === undefined ? (
                    score ? score : <NotAnswered>Not scored</NotAnswered>
                  ) : (
                    <>
                      <span className="font-semibold">
                        {scale} — {sentenceCase(RATING_SCALE_LABELS[scale])}
                      </span>
                      <span className="mt-1 block text-slate-700">{criterion.anchors[scale]}</span>
                    </>
                  )}
                </dd>
                <dt className="font-medium text-slate-700">Evidence</dt>
                <dd className="whitespace-pre-wrap break-words">{evidence || <NotAnswered>No evidence written</NotAnswered>}</dd>
              </dl>
            </article>
          );
        })}
      </section>

      <section className={SECTION}>
        <h2 className={SECTION_HEADING}>Overall</h2>
        <dl className="grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[12rem_minmax(0,1fr)]">
          <dt className="font-medium text-slate-700">Overall recommendation</dt>
          <dd>{recommendation ? labelOf(RECOMMENDATION_LABELS, recommendation) : <NotAnswered />}</dd>
          <dt className="font-medium text-slate-700">Level signal</dt>
          <dd>
            {levelSignal ? (
              levelSignal in LEVEL_TITLES ? (
                `${levelSignal} — ${LEVEL_TITLES[levelSignal as keyof typeof LEVEL_TITLES]}`
              ) : (
                levelSignal
              )
            ) : (
              <NotAnswered />
            )}
          </dd>
        </dl>
      </section>

      <section className={SECTION}>
        <h2 className={SECTION_HEADING}>Production experience</h2>
        <table className="w-full text-left text-sm">
          <thead className="border-b border-slate-300 text-slate-700">
            <tr>
              <th scope="col" className="py-2 pr-4 font-medium">
                Capability
              </th>
              <th scope="col" className="py-2 pr-4 font-medium">
                Status
              </th>
              <th scope="col" className="py-2 font-medium">
                Note
              </th>
            </tr>
          </thead>
          <tbody>
            {PRODUCTION_CAPABILITIES.map((capability) => {
              const status = textOf(values.production?.[capability]?.status);
              const capabilityNote = textOf(values.production?.[capability]?.note);
              return (
                <tr key={capability} className="border-b border-slate-200 align-top print:break-inside-avoid">
                  <th scope="row" className="py-2 pr-4 font-medium">
                    {PRODUCTION_CAPABILITY_LABELS[capability]}
                  </th>
                  <td className="py-2 pr-4">{status ? labelOf(EVIDENCE_STATUS_LABELS, status) : <NotAnswered />}</td>
                  <td className="whitespace-pre-wrap break-words py-2">{capabilityNote || (
                      <>
                        <span aria-hidden="true" className="text-slate-500">—</span>
                        <span className="sr-only">No note</span>
                      </>
                    )}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <dl className="grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[12rem_minmax(0,1fr)]">
          {EXPERIENCE_QUESTIONS.map((question) => {
            const answer = textOf(values[question]);
            return (
              <div key={question} className="contents">
                <dt className="font-medium text-slate-700">{EXPERIENCE_QUESTION_LABELS[question]}</dt>
                <dd>{answer ? labelOf(YES_NO_LABELS, answer) : <NotAnswered />}</dd>
              </div>
            );
          })}
        </dl>
      </section>

      <section className={SECTION}>
        <h2 className={SECTION_HEADING}>Note for later interviewers</h2>
        <p className="whitespace-pre-wrap break-words text-sm">{note || <NotAnswered>No note</NotAnswered>}</p>
      </section>
    </div>
  );
}
