import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/auth/permissions.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { CheckboxGroup, ErrorList, Field, SubmitButton } from "~/components/forms";
import { webhookFormSchema, WEBHOOK_URL_MAX } from "~/domain/webhooks/endpoint-form";
import { DELIVERIES_SHOWN, WEBHOOK_EVENT_LABELS, WEBHOOK_EVENTS } from "~/domain/webhooks/events";
import {
  createWebhookEndpoint,
  listWebhookEndpoints,
  redeliverWebhook,
  setWebhookEndpointActive,
} from "~/models/webhook.server";
import { formatDateTimeUtc } from "~/utils/format";
import { errorsForForm } from "~/utils/form-errors";

export const meta: MetaFunction = () => [{ title: "Webhooks · ML Leveling" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "ADMIN");
  const endpoints = await listWebhookEndpoints();
  return {
    endpoints: endpoints.map((endpoint) => ({
      ...endpoint,
      createdAt: endpoint.createdAt.toISOString(),
      deliveries: endpoint.deliveries.map((delivery) => ({
        ...delivery,
        nextAttemptAt: delivery.nextAttemptAt.toISOString(),
        lastAttemptAt: delivery.lastAttemptAt?.toISOString() ?? null,
        deliveredAt: delivery.deliveredAt?.toISOString() ?? null,
        createdAt: delivery.createdAt.toISOString(),
      })),
    })),
  };
}

const NOTICES = { create: "Endpoint added. Configure the receiver with its signing secret below.", disable: "Endpoint disabled: no new events are queued for it.", enable: "Endpoint enabled.", redeliver: "Delivery queued again." } as const;

type ActionResult = { ok: true; notice: string } | { ok: false; errors: ReturnType<typeof errorsForForm>; values: { url: string; events: string[] } };

export async function action({ request, context }: ActionFunctionArgs) {
  const admin = await requireRole(request, "ADMIN");
  const form = await request.formData();
  const parsed = webhookFormSchema.safeParse({
    intent: form.get("intent"),
    url: form.get("url") ?? undefined,
    events: form.getAll("events"),
    endpointId: form.get("endpointId") ?? undefined,
    deliveryId: form.get("deliveryId") ?? undefined,
  });
  if (!parsed.success) {
    const errors = errorsForForm(parsed.error.issues, ["url", "events"]);
    return data<ActionResult>({ ok: false, errors, values: { url: String(form.get("url") ?? ""), events: form.getAll("events").map(String) } }, { status: 400 });
  }
  const actor = { id: admin.id, ipAddress: context.clientIp };
  const input = parsed.data;
  switch (input.intent) {
    case "create":
      await createWebhookEndpoint({ url: input.url, events: input.events }, actor);
      break;
    case "disable":
    case "enable":
      await setWebhookEndpointActive(input.endpointId, input.intent === "enable", actor);
      break;
    case "redeliver":
      if (!(await redeliverWebhook(input.deliveryId, actor))) {
        return data<ActionResult>({ ok: false, errors: { fields: {}, form: ["That delivery does not exist."] }, values: { url: "", events: [] } }, { status: 404 });
      }
      break;
  }
  return data<ActionResult>({ ok: true, notice: NOTICES[input.intent] });
}

const STATUS_STYLES = { pending: "bg-amber-100 text-amber-900", succeeded: "bg-green-100 text-green-900", failed: "bg-red-100 text-red-900" } as const;

export default function WebhooksPage() {
  const { endpoints } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failed = result && !result.ok ? result : null;
  return (
    <main className="mx-auto max-w-6xl p-6">
      <h1 className="text-2xl font-bold">Webhooks</h1>
      <p className="mt-1 text-sm text-slate-600">
        Events are sent as signed JSON (Standard Webhooks: <code>webhook-id</code>, <code>webhook-timestamp</code>,{" "}
        <code>webhook-signature</code>) and retried with growing pauses for a day until the receiver answers 2xx.
      </p>
      {result?.ok ? (
        <p role="status" className="mt-3 rounded bg-green-50 p-2 text-sm text-green-800">
          {result.notice}
        </p>
      ) : null}
      <div role="alert">
        <ErrorList errors={failed?.errors.form} />
      </div>

      <section aria-labelledby="new-endpoint" className="mt-6 rounded border border-slate-200 p-4">
        <h2 id="new-endpoint" className="text-lg font-semibold">New endpoint</h2>
        <Form method="post" className="mt-3 space-y-4">
          <input type="hidden" name="intent" value="create" />
          <Field
            label="URL"
            hint="http:// or https://; the receiver must answer 2xx within 10 seconds"
            inputProps={{ id: "webhook-url", name: "url", type: "url", maxLength: WEBHOOK_URL_MAX, defaultValue: failed?.values.url, required: true }}
            errors={failed?.errors.fields.url}
          />
          <CheckboxGroup
            legend="Events"
            name="events"
            options={WEBHOOK_EVENTS.map((event) => ({ value: event, label: <><code>{event}</code> · {WEBHOOK_EVENT_LABELS[event]}</> }))}
            checked={failed?.values.events}
            errors={failed?.errors.fields.events}
            errorId="webhook-events-error"
          />
          <SubmitButton>Add endpoint</SubmitButton>
        </Form>
      </section>

      {endpoints.length === 0 ? <p className="mt-6 text-sm text-slate-600">No endpoints yet.</p> : null}
      {endpoints.map((endpoint) => (
        <section key={endpoint.id} aria-label={`Endpoint ${endpoint.url}`} className="mt-6 rounded border border-slate-200 p-4">
          <div className="flex flex-wrap items-start justify-between gap-3">
            <div className="min-w-0">
              <h2 className="break-all font-semibold">
                {endpoint.url}
                {endpoint.active ? null : <span className="ml-2 rounded bg-slate-200 px-1.5 py-0.5 text-xs">Disabled</span>}
              </h2>
              <p className="text-sm text-slate-600">{endpoint.events.join(", ")}</p>
              <p className="text-sm text-slate-600">
                {endpoint.counts.succeeded ?? 0} delivered · {endpoint.counts.pending ?? 0} pending · {endpoint.counts.failed ?? 0} failed
              </p>
              <details className="mt-1 text-sm">
                <summary className="cursor-pointer text-indigo-700 underline">Signing secret</summary>
                <code className="mt-1 block break-all rounded bg-slate-50 p-2">{endpoint.secret}</code>
              </details>
            </div>
            <Form method="post">
              <input type="hidden" name="endpointId" value={endpoint.id} />
              {endpoint.active ? (
                <button type="submit" name="intent" value="disable" className="rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-50">
                  Disable
                </button>
              ) : (
                <button type="submit" name="intent" value="enable" className="rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-50">
                  Enable
                </button>
              )}
            </Form>
          </div>
          <h3 className="mt-4 text-sm font-semibold">Latest deliveries (up to {DELIVERIES_SHOWN})</h3>
          {endpoint.deliveries.length === 0 ? (
            <p className="text-sm text-slate-600">None yet.</p>
          ) : (
            <ul className="mt-1 divide-y divide-slate-200 border-y border-slate-200 text-sm">
              {endpoint.deliveries.map((delivery) => (
                <li key={delivery.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                  <div className="min-w-0">
                    <span className={`mr-2 rounded px-1.5 py-0.5 text-xs ${STATUS_STYLES[delivery.status]}`}>{delivery.status}</span>
                    <code>{delivery.eventType}</code> · {formatDateTimeUtc(delivery.createdAt)}
                    <span className="block text-slate-600">
                      {delivery.attempts} attempt{delivery.attempts === 1 ? "" : "s"}
                      {delivery.lastStatusCode !== null ? ` · last answer ${delivery.lastStatusCode}` : ""}
                      {delivery.lastError ? ` · ${delivery.lastError}` : ""}
                      {delivery.status === "pending" ? ` · next ${formatDateTimeUtc(delivery.nextAttemptAt)}` : ""}
                    </span>
                  </div>
                  {delivery.status === "pending" ? null : (
                    <Form method="post">
                      <input type="hidden" name="deliveryId" value={delivery.id} />
                      <button type="submit" name="intent" value="redeliver" className="rounded-md border border-slate-300 px-3 py-1 hover:bg-slate-50">
                        Redeliver <span className="sr-only">{delivery.eventType} of {formatDateTimeUtc(delivery.createdAt)}</span>
                      </button>
                    </Form>
                  )}
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </main>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
