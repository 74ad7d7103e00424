import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/auth/permissions.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorList, SubmitButton } from "~/components/forms";
import {
  DEFAULTABLE_FIELDS,
  guessPreset,
  IMPORT_FIELD_LABELS,
  IMPORT_FIELDS,
  IMPORT_PRESET_LABELS,
  IMPORT_PRESETS,
  previewImport,
} from "~/domain/candidates/import";
import { readImportMapping } from "~/domain/candidates/import-form";
import { commitCandidateImport, getCandidateImport } from "~/models/candidate-import.server";
import { requireUuidParam } from "~/utils/params";

export const meta: MetaFunction = () => [{ title: "Import preview · ML Leveling" }];

const PREVIEW_ROWS = 20;
const ERRORS_SHOWN = 200;

async function loadImport(request: Request, importId: string | undefined) {
  const recruiter = await requireRole(request, "RECRUITER");
  const found = await getCandidateImport(requireUuidParam(importId, "Import"), recruiter.id);
  if (!found) throw new Response("Import not found", { status: 404 });
  return { recruiter, found, headers: found.rows[0] ?? [] };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { found, headers } = await loadImport(request, params.importId);
  const read = readImportMapping(new URL(request.url).searchParams, headers, guessPreset(headers));
  const base = { fileName: found.fileName, rowCount: found.rowCount, headers, committed: found.result as { created: number; skipped: number } | null };
  if (!read.ok) return { ...base, problem: read.message, setup: null, preview: null };
  const preview = previewImport(found.rows, read.mapping, read.defaults);
  return {
    ...base,
    problem: null,
    setup: { preset: read.preset, mapping: read.mapping, defaults: read.defaults },
    preview: {
      valid: preview.valid,
      invalid: preview.invalid,
      sample: preview.rows.filter((row) => row.ok).slice(0, PREVIEW_ROWS).map((row) => ({ line: row.line, ...(row.ok ? row.input : {}) })),
      errors: preview.rows.flatMap((row) => (row.ok ? [] : [{ line: row.line, email: row.email, errors: row.errors }])).slice(0, ERRORS_SHOWN),
    },
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { recruiter, found, headers } = await loadImport(request, params.importId);
  const read = readImportMapping(await request.formData(), headers, guessPreset(headers));
  if (!read.ok) return data({ error: read.message }, { status: 400 });
  const result = await commitCandidateImport({ id: found.id, mapping: read.mapping, defaults: read.defaults }, { id: recruiter.id, ipAddress: context.clientIp });
  if (!result.ok) return data({ error: result.message }, { status: result.reason === "not_found" ? 404 : result.reason === "invalid" ? 400 : 409 });
  throw redirect(`/candidates/import/${found.id}`);
}

const selectClass = "mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm";

export default function ImportPreviewPage() {
  const { fileName, rowCount, headers, committed, problem, setup, preview } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const mappingFields = setup ? (
    <>
      <input type="hidden" name="preset" value={setup.preset} />
      {IMPORT_FIELDS.map((field) => (
        <input key={field} type="hidden" name={`map.${field}`} value={setup.mapping[field] ?? ""} />
      ))}
      {DEFAULTABLE_FIELDS.map((field) => (
        <input key={field} type="hidden" name={`default.${field}`} value={setup.defaults[field] ?? ""} />
      ))}
    </>
  ) : null;
  return (
    <main className="mx-auto max-w-6xl p-6">
      <p className="text-sm">
        <Link to="/candidates/import" className="underline">
          Import another file
        </Link>
      </p>
      <h1 className="mt-1 break-all text-2xl font-bold">Import {fileName}</h1>
      <p className="mt-1 text-sm text-slate-600">{rowCount.toLocaleString("en-US")} rows</p>
      {committed ? (
        <p role="status" className="mt-4 rounded bg-green-50 p-3 text-sm text-green-900">
          Imported: {committed.created.toLocaleString("en-US")} candidates created, {committed.skipped.toLocaleString("en-US")} skipped because
          their email already existed. <Link to="/candidates" className="underline">See the candidates</Link>
        </p>
      ) : null}
      {problem ? <ErrorList errors={[problem]} /> : null}
      {result?.error ? (
        <p role="alert" className="mt-4 rounded bg-red-50 p-3 text-sm text-red-800">
          {result.error}
        </p>
      ) : null}

      {!committed && setup ? (
        <Form method="get" className="mt-6 rounded border border-slate-200 p-4">
          <h2 className="text-lg font-semibold">Columns</h2>
          <div className="mt-2 max-w-sm">
            <label htmlFor="preset" className="block text-sm font-medium">Preset</label>
            <select id="preset" name="preset" defaultValue={setup.preset} className={selectClass}>
              {IMPORT_PRESETS.map((preset) => (
                <option key={preset} value={preset}>{IMPORT_PRESET_LABELS[preset]}</option>
              ))}
            </select>
          </div>
          <div className="mt-3 grid gap-3 sm:grid-cols-2">
            {IMPORT_FIELDS.map((field) => (
              <div key={field}>
                <label htmlFor={`map-${field}`} className="block text-sm font-medium">{IMPORT_FIELD_LABELS[field]}</label>
                <select id={`map-${field}`} name={`map.${field}`} defaultValue={setup.mapping[field] ?? ""} className={selectClass}>
                  <option value="">(none)</option>
                  {headers.map((header, index) => (
                    <option key={index} value={index}>{header || `Column ${index + 1}`}</option>
                  ))}
                </select>
                {(DEFAULTABLE_FIELDS as readonly string[]).includes(field) ? (
                  <>
                    <label htmlFor={`default-${field}`} className="mt-1 block text-xs text-slate-600">Value for rows without one</label>
                    <input
                      id={`default-${field}`}
                      name={`default.${field}`}
                      defaultValue={setup.defaults[field as (typeof DEFAULTABLE_FIELDS)[number]] ?? ""}
                      className={selectClass}
                    />
                  </>
                ) : null}
              </div>
            ))}
          </div>
          <button type="submit" className="mt-4 rounded-md border border-slate-300 px-4 py-2 text-sm font-semibold hover:bg-slate-50">
            Check the rows again
          </button>
        </Form>
      ) : null}

      {!committed && preview ? (
        <section aria-labelledby="preview" className="mt-6">
          <h2 id="preview" className="text-lg font-semibold">Preview</h2>
          <p className="mt-1 text-sm">
            {preview.valid.toLocaleString("en-US")} rows ready, {preview.invalid.toLocaleString("en-US")} with errors.
            {preview.invalid > 0 ? " Nothing is imported while any row has an error: fix the columns above or the file." : null}
          </p>
          {preview.errors.length > 0 ? (
            <div role="region" aria-label="Rows with errors" tabIndex={0} className="mt-2 max-h-96 overflow-auto rounded border border-red-200">
              <ul className="divide-y divide-red-100 text-sm">
                {preview.errors.map((row) => (
                  <li key={row.line} className="p-2">
                    <span className="font-medium">Line {row.line}</span>
                    {row.email ? ` (${row.email})` : ""}: {row.errors.join("; ")}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {preview.sample.length > 0 ? (
            <div role="region" aria-label="First rows to import" tabIndex={0} className="mt-3 overflow-x-auto">
              <table className="w-full text-left text-sm">
                <caption className="text-left text-sm text-slate-600">First {preview.sample.length} rows to import</caption>
                <thead className="border-b text-slate-600">
                  <tr>
                    <th scope="col" className="py-1 pr-3">Line</th>
                    <th scope="col" className="pr-3">Name</th>
                    <th scope="col" className="pr-3">Email</th>
                    <th scope="col" className="pr-3">Country</th>
                    <th scope="col" className="pr-3">Title</th>
                    <th scope="col" className="pr-3">Years</th>
                    <th scope="col" className="pr-3">Track</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.sample.map((row) => (
                    <tr key={row.line} className="border-b">
                      <td className="py-1 pr-3">{row.line}</td>
                      <td className="pr-3">{row.name}</td>
                      <td className="break-all pr-3">{row.email}</td>
                      <td className="pr-3">{row.country}</td>
                      <td className="pr-3">{row.currentTitle}</td>
                      <td className="pr-3">{row.yearsExperience}</td>
                      <td className="pr-3">{row.track}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
          {preview.invalid === 0 && preview.valid > 0 ? (
            <Form method="post" className="mt-4">
              {mappingFields}
              <SubmitButton>Import {preview.valid.toLocaleString("en-US")} candidates</SubmitButton>
            </Form>
          ) : null}
        </section>
      ) : null}
    </main>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
