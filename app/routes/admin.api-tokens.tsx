import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/auth/permissions.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { CheckboxGroup, ErrorList, Field, SubmitButton } from "~/components/forms";
import { API_SCOPE_LABELS, API_SCOPES } from "~/domain/api/scopes";
import { apiTokenFormSchema, TOKEN_NAME_MAX } from "~/domain/api/token-form";
import { createApiToken, listApiTokens, revokeApiToken } from "~/models/api-token.server";
import { formatDateTimeUtc } from "~/utils/format";
import { errorsForForm } from "~/utils/form-errors";

export const meta: MetaFunction = () => [{ title: "API tokens · ML Leveling" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "ADMIN");
  const tokens = await listApiTokens();
  return {
    tokens: tokens.map((token) => ({
      id: token.id,
      name: token.name,
      prefix: token.prefix,
      scopes: token.scopes,
      createdBy: token.createdBy.name,
      createdAt: token.createdAt.toISOString(),
      lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
      revokedAt: token.revokedAt?.toISOString() ?? null,
    })),
  };
}

type ActionResult =
  | { ok: true; created: { name: string; secret: string } | null; revoked: boolean }
  | { ok: false; errors: ReturnType<typeof errorsForForm>; values: { name?: string; scopes?: string[] } };

export async function action({ request, context }: ActionFunctionArgs) {
  const admin = await requireRole(request, "ADMIN");
  const form = await request.formData();
  const parsed = apiTokenFormSchema.safeParse({
    intent: form.get("intent"),
    name: form.get("name") ?? undefined,
    scopes: form.getAll("scopes"),
    tokenId: form.get("tokenId") ?? undefined,
  });
  if (!parsed.success) {
    const errors = errorsForForm(parsed.error.issues, ["name", "scopes"]);
    const values = { name: String(form.get("name") ?? ""), scopes: form.getAll("scopes").map(String) };
    return data<ActionResult>({ ok: false, errors, values }, { status: 400 });
  }
  const actor = { id: admin.id, ipAddress: context.clientIp };
  if (parsed.data.intent === "create") {
    const token = await createApiToken({ name: parsed.data.name, scopes: parsed.data.scopes }, actor);
    // The secret leaves the server once, in this answer; only its hash is stored.
    return data<ActionResult>({ ok: true, created: { name: token.name, secret: token.secret }, revoked: false });
  }
  await revokeApiToken(parsed.data.tokenId, actor);
  return data<ActionResult>({ ok: true, created: null, revoked: true });
}

export default function ApiTokensPage() {
  const { tokens } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failed = result && !result.ok ? result : null;
  return (
    <main className="mx-auto max-w-5xl p-6">
      <h1 className="text-2xl font-bold">API tokens</h1>
      <p className="mt-1 text-sm text-slate-600">
        Service tokens let the firm&apos;s other systems use the REST API (<a className="underline" href="/api/v1/openapi.json">reference</a>).
        Each request is recorded in the audit log; a revoked token stops working at once.
      </p>
      <div role="alert">
        <ErrorList errors={failed?.errors.form} />
      </div>
      {result?.ok && result.created ? (
        <section role="status" className="mt-4 rounded border border-green-300 bg-green-50 p-4 text-sm">
          <h2 className="font-semibold">Token “{result.created.name}” created</h2>
          <p className="mt-1">Copy it now: it is shown only this once.</p>
          <code className="mt-2 block break-all rounded bg-white p-2 font-mono text-slate-900">{result.created.secret}</code>
        </section>
      ) : null}
      {result?.ok && result.revoked ? (
        <p role="status" className="mt-4 rounded bg-green-50 p-2 text-sm text-green-800">
          Token revoked.
        </p>
      ) : null}

      <section aria-labelledby="new-token" className="mt-6 rounded border border-slate-200 p-4">
        <h2 id="new-token" className="text-lg font-semibold">New token</h2>
        <Form method="post" className="mt-3 space-y-4">
          <input type="hidden" name="intent" value="create" />
          <Field
            label="Name"
            hint="The system that will use it, e.g. Greenhouse sync"
            inputProps={{ id: "token-name", name: "name", maxLength: TOKEN_NAME_MAX, defaultValue: failed?.values.name, required: true }}
            errors={failed?.errors.fields.name}
          />
          <CheckboxGroup
            legend="Scopes"
            name="scopes"
            options={API_SCOPES.map((scope) => ({ value: scope, label: <><code>{scope}</code> · {API_SCOPE_LABELS[scope]}</> }))}
            checked={failed?.values.scopes}
            errors={failed?.errors.fields.scopes}
            errorId="token-scopes-error"
          />
          <SubmitButton>Create token</SubmitButton>
        </Form>
      </section>

      <section aria-labelledby="tokens" className="mt-6">
        <h2 id="tokens" className="text-lg font-semibold">Tokens</h2>
        {tokens.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">No tokens yet.</p>
        ) : (
          <ul className="mt-2 divide-y divide-slate-200 border-y border-slate-200">
            {tokens.map((token) => (
              <li key={token.id} className="flex flex-wrap items-start justify-between gap-3 py-3 text-sm">
                <div className="min-w-0">
                  <p className="font-medium">
                    {token.name} <code className="text-slate-600">{token.prefix}…</code>
                    {token.revokedAt ? <span className="ml-2 rounded bg-slate-200 px-1.5 py-0.5 text-xs">Revoked</span> : null}
                  </p>
                  <p className="text-slate-600">{token.scopes.join(", ")}</p>
                  <p className="text-slate-600">
                    Created by {token.createdBy} {formatDateTimeUtc(token.createdAt)} · last used{" "}
                    {token.lastUsedAt ? formatDateTimeUtc(token.lastUsedAt) : "never"}
                    {token.revokedAt ? ` · revoked ${formatDateTimeUtc(token.revokedAt)}` : ""}
                  </p>
                </div>
                {token.revokedAt ? null : (
                  <Form method="post">
                    <input type="hidden" name="intent" value="revoke" />
                    <input type="hidden" name="tokenId" value={token.id} />
                    <button type="submit" className="rounded-md border border-red-300 px-3 py-1.5 text-red-800 hover:bg-red-50">
                      Revoke <span className="sr-only">{token.name}</span>
                    </button>
                  </Form>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </main>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
