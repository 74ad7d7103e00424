import { Form, Link } from "@remix-run/react";
import type { ReactNode } from "react";

/** Controls of the GET filter forms on list and report pages (candidates, calibration, analytics). */
export const FILTER_CONTROL_CLASS =
  "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm shadow-sm focus:border-indigo-600 focus:outline-none focus:ring-1 focus:ring-indigo-600";

export function FilterSelect({
  id,
  name,
  label,
  defaultValue,
  options,
  anyLabel,
}: {
  id: string;
  name: string;
  label: string;
  defaultValue: string | null | undefined;
  options: readonly { value: string; label: string }[];
  /** The first option meaning "no filter"; omit for a select that always has a value (sort). */
  anyLabel?: string;
}) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={defaultValue ?? ""} className={FILTER_CONTROL_CLASS}>
        {anyLabel === undefined ? null : <option value="">{anyLabel}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * A plain GET form: the filters live in the URL and work without JavaScript. "Clear" goes
 * back to the unfiltered address. A changed filter starts again from page 1 because the
 * form does not send `page`.
 */
export function FilterForm({
  label,
  clearHref,
  action,
  spacing = "mt-4",
  children,
}: {
  /** The form's accessible name ("Filter candidates"). */
  label: string;
  clearHref: string;
  action?: string;
  spacing?: string;
  children: ReactNode;
}) {
  return (
    <Form method="get" action={action} className={`${spacing} flex flex-wrap items-end gap-3 text-sm`} aria-label={label}>
      {children}
      <button type="submit" className="rounded-md bg-slate-800 px-3 py-1.5 font-semibold text-white hover:bg-slate-900">
        Apply
      </button>
      <Link to={clearHref} className="py-1.5 text-slate-700 underline">
        Clear
      </Link>
    </Form>
  );
}
