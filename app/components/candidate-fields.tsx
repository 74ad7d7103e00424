import { getInputProps, getSelectProps, getTextareaProps, type FieldMetadata } from "@conform-to/react";
import { ErrorList, Field } from "~/components/forms";
import {
  CANDIDATE_COUNTRIES,
  CANDIDATE_TRACK_LABELS,
  CANDIDATE_TRACKS,
  EMAIL_MAX,
  NAME_MAX,
  NOTES_MAX,
  TITLE_MAX,
  YEARS_MAX,
  type CandidateFieldName,
} from "~/domain/candidates/candidate-fields";
// Types only: the Zod schema module never reaches the client bundle.
import type { CandidateInput } from "~/domain/candidates/candidate-form";

/** The candidate fields of a Conform form, whether it creates (no version) or edits (with one). */
export type CandidateFieldset = {
  [Key in CandidateFieldName]: FieldMetadata<CandidateInput[Key], Record<string, unknown>, string[]>;
};

export type RecruiterOption = { id: string; name: string };

const controlClass =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-indigo-600 focus:outline-none focus:ring-1 focus:ring-indigo-600";

/**
 * The fields a recruiter fills to create or edit a candidate, in form order, each with
 * its label, HTML constraints (checked by the browser first) and server errors.
 */
export function CandidateFields({ fields, recruiters }: { fields: CandidateFieldset; recruiters: readonly RecruiterOption[] }) {
  return (
    <>
      <Field
        label="Name"
        inputProps={{ ...getInputProps(fields.name, { type: "text" }), required: true, maxLength: NAME_MAX, autoComplete: "off" }}
        errors={fields.name.errors}
      />
      <Field
        label="Email"
        inputProps={{ ...getInputProps(fields.email, { type: "email" }), required: true, maxLength: EMAIL_MAX, autoComplete: "off" }}
        errors={fields.email.errors}
      />
      <div className="space-y-1">
        <label htmlFor={fields.country.id} className="block text-sm font-medium text-slate-800">
          Country
        </label>
        <select {...getSelectProps(fields.country)} required className={controlClass}>
          <option value="">Choose a country</option>
          {CANDIDATE_COUNTRIES.map((country) => (
            <option key={country} value={country}>
              {country}
            </option>
          ))}
        </select>
        <ErrorList id={fields.country.errorId} errors={fields.country.errors} />
      </div>
      <Field
        label="Current title"
        inputProps={{ ...getInputProps(fields.currentTitle, { type: "text" }), required: true, maxLength: TITLE_MAX }}
        errors={fields.currentTitle.errors}
      />
      <Field
        label="Years of experience"
        inputProps={{ ...getInputProps(fields.yearsExperience, { type: "number" }), required: true, min: 0, max: YEARS_MAX, step: 1 }}
        errors={fields.yearsExperience.errors}
      />
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">Track</legend>
        <div className="mt-1 flex gap-6 text-sm">
          {CANDIDATE_TRACKS.map((track) => (
            <label key={track} className="flex items-center gap-2">
              <input {...getInputProps(fields.track, { type: "radio", value: track })} required />
              {CANDIDATE_TRACK_LABELS[track]}
            </label>
          ))}
        </div>
        <ErrorList id={fields.track.errorId} errors={fields.track.errors} />
      </fieldset>
      <div>
        <label className="flex items-center gap-2 text-sm font-medium text-slate-800">
          <input {...getInputProps(fields.faangExperience, { type: "checkbox" })} />
          FAANG-type experience
        </label>
        <p className="text-xs text-slate-500">Worked at a large technology company at FAANG scale (adds a premium to the salary band).</p>
        <ErrorList id={fields.faangExperience.errorId} errors={fields.faangExperience.errors} />
      </div>
      <div className="space-y-1">
        <label htmlFor={fields.recruiterId.id} className="block text-sm font-medium text-slate-800">
          Recruiter
        </label>
        <select {...getSelectProps(fields.recruiterId)} className={controlClass}>
          <option value="">Unassigned</option>
          {recruiters.map((recruiter) => (
            <option key={recruiter.id} value={recruiter.id}>
              {recruiter.name}
            </option>
          ))}
        </select>
        <ErrorList id={fields.recruiterId.errorId} errors={fields.recruiterId.errors} />
      </div>
      <div className="space-y-1">
        <label htmlFor={fields.notes.id} className="block text-sm font-medium text-slate-800">
          Notes <span className="font-normal text-slate-500">(optional)</span>
        </label>
        <textarea {...getTextareaProps(fields.notes)} maxLength={NOTES_MAX} rows={5} className={controlClass} />
        <ErrorList id={fields.notes.errorId} errors={fields.notes.errors} />
      </div>
    </>
  );
}
