import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { emailSchema, newPasswordSchema, PASSWORD_MAX, PASSWORD_MIN } from "~/auth/credentials";
import { requireRole } from "~/auth/permissions.server";
import { ErrorList, Field, SubmitButton, type ListOfErrors } from "~/components/forms";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Role } from "~/generated/prisma/enums";
import {
  createUser,
  deactivateUser,
  listUsers,
  reactivateUser,
  resetPassword,
  setUserRoles,
  userExists,
} from "~/models/user.server";
import { getDb } from "~/utils/db.server";

export const meta: MetaFunction = () => [{ title: "Users · ML Leveling" }];

const ROLES = Object.values(Role);
const rolesSchema = z.array(z.enum(ROLES), { error: "Choose at least one role" }).min(1, "Choose at least one role");
const userIdSchema = z.string().uuid("Unknown user");

const createUserSchema = z.object({
  intent: z.literal("create"),
  name: z.string({ error: "Name is required" }).trim().min(1, "Name is required").max(120, "Name is too long"),
  email: emailSchema,
  password: newPasswordSchema,
  roles: rolesSchema,
});
const actionSchema = z.discriminatedUnion("intent", [
  createUserSchema,
  z.object({ intent: z.literal("roles"), userId: userIdSchema, roles: rolesSchema }),
  z.object({ intent: z.literal("deactivate"), userId: userIdSchema }),
  z.object({ intent: z.literal("reactivate"), userId: userIdSchema }),
  z.object({ intent: z.literal("reset-password"), userId: userIdSchema, password: newPasswordSchema }),
]);

/** The notice shown after a redirect, by the `done` search parameter. */
const NOTICES: Record<string, string> = {
  created: "User added.",
  roles: "Roles saved.",
  deactivated: "User deactivated; their sessions ended.",
  reactivated: "User reactivated. They can sign in again.",
  "password-reset": "Password reset; every session of that user ended. Share the new password out of band.",
};

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireRole(request, "ADMIN");
  // Sent from here so the page does not import the credentials module (and Zod) into the browser.
  return { users: await listUsers(), currentUserId: admin.id, password: { min: PASSWORD_MIN, max: PASSWORD_MAX } };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const admin = await requireRole(request, "ADMIN");
  const submission = parseWithZod(await request.formData(), { schema: actionSchema });
  const hideFields = ["password"];
  if (submission.status !== "success") {
    return data(submission.reply({ hideFields }), { status: 400 });
  }
  const actor = { id: admin.id, ipAddress: context.clientIp };
  const input = submission.value;
  if (input.intent !== "create" && !(await userExists(input.userId))) {
    return data(submission.reply({ formErrors: ["That user does not exist."], hideFields }), { status: 404 });
  }
  let done: string;
  switch (input.intent) {
    case "create": {
      const taken = await getDb().user.findUnique({ where: { email: input.email }, select: { id: true } });
      if (taken) {
        return data(submission.reply({ fieldErrors: { email: ["A user with this email already exists"] }, hideFields }), { status: 400 });
      }
      await createUser(input, actor);
      done = "created";
      break;
    }
    case "roles":
      if (input.userId === admin.id && !input.roles.includes("ADMIN")) {
        return data(submission.reply({ fieldErrors: { roles: ["You cannot remove your own admin role."] } }), { status: 400 });
      }
      await setUserRoles(input.userId, input.roles, actor);
      done = "roles";
      break;
    case "deactivate":
      if (input.userId === admin.id) {
        return data(submission.reply({ formErrors: ["You cannot deactivate yourself."] }), { status: 400 });
      }
      await deactivateUser(input.userId, actor);
      done = "deactivated";
      break;
    case "reactivate":
      await reactivateUser(input.userId, actor);
      done = "reactivated";
      break;
    case "reset-password":
      if (input.userId === admin.id) {
        return data(submission.reply({ fieldErrors: { password: ["Change your own password under Account."] }, hideFields }), {
          status: 400,
        });
      }
      await resetPassword(input.userId, input.password, actor);
      done = "password-reset";
      break;
  }
  throw redirect(`/admin/users?done=${done}`);
}

type ActionResult = { initialValue?: Record<string, unknown> | null; error?: Record<string, ListOfErrors> | null };

/** Errors of a row's form: only when the last post was that form for that user. */
function rowErrors(result: ActionResult | undefined, intent: string, userId: string) {
  const posted = result?.initialValue;
  if (!posted || posted.intent !== intent || posted.userId !== userId) return null;
  return result.error ?? null;
}

export default function UsersPage() {
  const { users, currentUserId, password } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>() as ActionResult | undefined;
  const [searchParams] = useSearchParams();
  const notice = NOTICES[searchParams.get("done") ?? ""];
  // One action serves several forms; the create form shows its own result inline, each
  // row its own (see rowErrors). Validation runs on the server only: no Zod in the browser.
  const isCreate = lastResult?.initialValue?.intent === "create";
  const [form, fields] = useForm<{ name: string; email: string; password: string; roles: string[] }>({
    id: "create-user",
    lastResult: isCreate ? (lastResult as never) : undefined,
  });
  const otherFormErrors = !isCreate && typeof lastResult?.initialValue?.userId !== "string" ? lastResult?.error?.[""] : null;
  return (
    <main className="mx-auto max-w-6xl p-6">
      <h1 className="text-2xl font-bold">Users</h1>
      {notice && !lastResult ? (
        <p role="status" className="mt-2 rounded bg-green-50 p-2 text-sm text-green-800">
          {notice}
        </p>
      ) : null}
      <ErrorList errors={otherFormErrors} />
      <table className="mt-4 w-full text-left text-sm">
        <thead className="border-b text-slate-500">
          <tr>
            <th className="py-2">Name</th>
            <th>Email</th>
            <th>Roles</th>
            <th>Status</th>
            <th>Password</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => {
            const roleErrors = rowErrors(lastResult, "roles", user.id);
            const resetErrors = rowErrors(lastResult, "reset-password", user.id);
            const statusErrors = rowErrors(lastResult, user.active ? "deactivate" : "reactivate", user.id);
            const resetId = `reset-password-${user.id}`;
            return (
              <tr key={user.id} className="border-b align-top" data-user={user.email}>
                <td className="py-2">{user.name}</td>
                <td>{user.email}</td>
                <td>
                  <Form method="post" className="flex flex-wrap items-center gap-2">
                    <input type="hidden" name="intent" value="roles" />
                    <input type="hidden" name="userId" value={user.id} />
                    {ROLES.map((role) => (
                      <label key={role} className="flex items-center gap-1">
                        <input type="checkbox" name="roles" value={role} defaultChecked={user.roles.includes(role)} />
                        {role.toLowerCase()}
                      </label>
                    ))}
                    <button type="submit" className="text-indigo-700 underline" aria-label={`Save roles of ${user.name}`}>
                      Save
                    </button>
                  </Form>
                  <ErrorList errors={[...(roleErrors?.roles ?? []), ...(roleErrors?.[""] ?? [])]} />
                </td>
                <td>
                  {user.active ? (
                    user.id === currentUserId ? (
                      "active (you)"
                    ) : (
                      <Form method="post" className="flex items-center gap-2">
                        <input type="hidden" name="intent" value="deactivate" />
                        <input type="hidden" name="userId" value={user.id} />
                        <span>active</span>
                        <button type="submit" className="text-red-700 underline" aria-label={`Deactivate ${user.name}`}>
                          Deactivate
                        </button>
                      </Form>
                    )
                  ) : (
                    <Form method="post" className="flex items-center gap-2">
                      <input type="hidden" name="intent" value="reactivate" />
                      <input type="hidden" name="userId" value={user.id} />
                      <span>deactivated</span>
                      <button type="submit" className="text-indigo-700 underline" aria-label={`Reactivate ${user.name}`}>
                        Reactivate
                      </button>
                    </Form>
                  )}
                  <ErrorList errors={statusErrors?.[""]} />
                </td>
                <td>
                  {user.id === currentUserId ? (
                    <span className="text-slate-500">under Account</span>
                  ) : (
                    <details open={resetErrors !== null}>
                      <summary className="cursor-pointer text-indigo-700 underline">Reset password</summary>
                      <Form method="post" className="mt-2 space-y-1">
                        <input type="hidden" name="intent" value="reset-password" />
                        <input type="hidden" name="userId" value={user.id} />
                        <label htmlFor={resetId} className="block text-xs font-medium text-slate-700">
                          New initial password for {user.name}
                        </label>
                        <input
                          id={resetId}
                          type="password"
                          name="password"
                          autoComplete="new-password"
                          required
                          minLength={password.min}
                          maxLength={password.max}
                          aria-invalid={resetErrors?.password ? true : undefined}
                          aria-describedby={resetErrors?.password ? `${resetId}-error` : undefined}
                          className="block w-48 rounded border border-slate-300 px-2 py-1"
                        />
                        <ErrorList id={`${resetId}-error`} errors={[...(resetErrors?.password ?? []), ...(resetErrors?.[""] ?? [])]} />
                        <button type="submit" className="text-red-700 underline" aria-label={`Reset password of ${user.name}`}>
                          Set password and sign out everywhere
                        </button>
                      </Form>
                    </details>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>

      <h2 className="mt-10 text-lg font-semibold">Add a user</h2>
      <p className="text-sm text-slate-600">There is no public sign-up: people get an account here, with an initial password.</p>
      <Form method="post" className="mt-4 grid max-w-xl gap-4" {...getFormProps(form)} noValidate={false}>
        <input type="hidden" name="intent" value="create" />
        <Field
          label="Name"
          inputProps={{ ...getInputProps(fields.name, { type: "text" }), required: true, maxLength: 120 }}
          errors={fields.name.errors}
        />
        <Field
          label="Email"
          inputProps={{ ...getInputProps(fields.email, { type: "email" }), required: true, maxLength: 254 }}
          errors={fields.email.errors}
        />
        <Field
          label="Initial password"
          hint={`${password.min} to ${password.max} characters. Share it with the person out of band; they can change it under Account.`}
          inputProps={{
            ...getInputProps(fields.password, { type: "password" }),
            autoComplete: "new-password",
            required: true,
            minLength: password.min,
            maxLength: password.max,
          }}
          errors={fields.password.errors}
        />
        <fieldset>
          <legend className="text-sm font-medium">Roles</legend>
          <div className="mt-1 flex gap-4 text-sm">
            {ROLES.map((role) => (
              <label key={role} className="flex items-center gap-1">
                <input
                  type="checkbox"
                  name={fields.roles.name}
                  value={role}
                  defaultChecked={Array.isArray(fields.roles.initialValue) && fields.roles.initialValue.includes(role)}
                />
                {role.toLowerCase()}
              </label>
            ))}
          </div>
          <ErrorList id={fields.roles.errorId} errors={fields.roles.errors} />
        </fieldset>
        <ErrorList id={form.errorId} errors={form.errors} />
        <div>
          <SubmitButton>Add user</SubmitButton>
        </div>
      </Form>
    </main>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
