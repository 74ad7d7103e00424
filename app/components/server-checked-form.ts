import type { SubmissionResult } from "@conform-to/react";

/*
 * Small forms checked only by the server (their action answers Conform's SubmissionResult),
 * rendered without a Conform form context. The candidate page holds up to ~17 of them (assign
 * per area, reassign and cancel per interview); a `useForm` each was ~9% of that page's
 * server time (docs/decisions/005-benchmarks.md). Ids, ARIA wiring and the values put back
 * after a refused post follow Conform's own scheme, so the page reads the same either way.
 */

export type ServerCheckedResult = SubmissionResult<string[]> | undefined;

export type ServerCheckedField = {
  id: string;
  errorId: string;
  errors: string[] | undefined;
  /** Spread on the input or select. */
  props: {
    id: string;
    name: string;
    defaultValue: string | undefined;
    "aria-invalid": true | undefined;
    "aria-describedby": string | undefined;
  };
};

export function serverCheckedForm<Name extends string>(
  formId: string,
  /** This form's own answer (undefined when another form posted). */
  result: ServerCheckedResult,
  defaults: Partial<Record<Name, string>> = {},
) {
  const errors = result?.error ?? {};
  const posted = (result?.initialValue ?? {}) as Record<string, unknown>;
  return {
    form: { id: formId, errorId: `${formId}-error`, errors: errors[""] ?? undefined },
    field(name: Name): ServerCheckedField {
      const id = `${formId}-${name}`;
      const errorId = `${id}-error`;
      const fieldErrors = errors[name] ?? undefined;
      const value = posted[name];
      return {
        id,
        errorId,
        errors: fieldErrors,
        props: {
          id,
          name,
          defaultValue: typeof value === "string" ? value : defaults[name],
          "aria-invalid": fieldErrors ? true : undefined,
          "aria-describedby": fieldErrors ? errorId : undefined,
        },
      };
    },
  };
}
