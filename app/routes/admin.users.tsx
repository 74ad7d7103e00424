import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { emailSchema, newPasswordSchema } from "~/auth/credentials";
import { requireRole } from "~/auth/permissions.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorList, Field, SubmitButton } from "~/components/forms";
import { Role } from "~/generated/prisma/enums";
import { createUser, deactivateUser, listUsers, setUserRoles } from "~/models/user.server";
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
]);

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireRole(request, "ADMIN");
  return { users: await listUsers(), currentUserId: admin.id };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const admin = await requireRole(request, "ADMIN");
  const submission = parseWithZod(await request.formData(), { schema: actionSchema });
  if (submission.status !== "success") {
    return data(submission.reply({ hideFields: ["password"] }), { status: 400 });
  }
  const actor = { id: admin.id, ipAddress: context.clientIp };
  const input = submission.value;
  switch (input.intent) {
    case "create": {
      const taken = await getDb().user.findUnique({ where: { email: input.email }, select: { id: true } });
      if (taken) {
        return data(submission.reply({ fieldErrors: { email: ["A user with this email already exists"] }, hideFields: ["password"] }), {
          status: 400,
        });
      }
      await createUser(input, actor);
      break;
    }
    case "roles":
      if (input.userId === admin.id && !input.roles.includes("ADMIN")) {
        return data(submission.reply({ formErrors: ["You cannot remove your own admin role."] }), { status: 400 });
      }
      await setUserRoles(input.userId, input.roles, actor);
      break;
    case "deactivate":
      if (input.userId === admin.id) {
        return data(submission.reply({ formErrors: ["You cannot deactivate yourself."] }), { status: 400 });
      }
      await deactivateUser(input.userId, actor);
      break;
  }
  throw redirect("/admin/users");
}

export default function UsersPage() {
  const { users, currentUserId } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  // One action serves several forms; only the create form shows its result inline.
  const isCreate = lastResult?.initialValue?.intent === "create";
  const [form, fields] = useForm({
    id: "create-user",
    lastResult: isCreate ? lastResult : undefined,
    constraint: getZodConstraint(createUserSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: createUserSchema }),
    shouldRevalidate: "onBlur",
  });
  return (
    <main className="mx-auto max-w-6xl p-6">
      <h1 className="text-2xl font-bold">Users</h1>
      {isCreate ? null : <ErrorList errors={lastResult?.error?.[""]} />}
      <table className="mt-4 w-full text-left text-sm">
        <thead className="border-b text-slate-500">
          <tr>
            <th className="py-2">Name</th>
            <th>Email</th>
            <th>Roles</th>
            <th>Status</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id} className="border-b align-top">
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
              </td>
              <td>
                {user.active ? (
                  user.id === currentUserId ? (
                    "active (you)"
                  ) : (
                    <Form method="post">
                      <input type="hidden" name="intent" value="deactivate" />
                      <input type="hidden" name="userId" value={user.id} />
                      <button type="submit" className="text-red-700 underline" aria-label={`Deactivate ${user.name}`}>
                        Deactivate
                      </button>
                    </Form>
                  )
                ) : (
                  "deactivated"
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2 className="mt-10 text-lg font-semibold">Add a user</h2>
      <Form method="post" className="mt-4 grid max-w-xl gap-4" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="create" />
        <Field label="Name" inputProps={getInputProps(fields.name, { type: "text" })} errors={fields.name.errors} />
        <Field label="Email" inputProps={getInputProps(fields.email, { type: "email" })} errors={fields.email.errors} />
        <Field
          label="Initial password"
          hint="8 to 256 characters. Share it with the person out of band; they can change it under Account."
          inputProps={{ ...getInputProps(fields.password, { type: "password" }), autoComplete: "new-password" }}
          errors={fields.password.errors}
        />
        <fieldset>
          <legend className="text-sm font-medium">Roles</legend>
          <div className="mt-1 flex gap-4 text-sm">
            {ROLES.map((role) => (
              <label key={role} className="flex items-center gap-1">
                <input type="checkbox" name={fields.roles.name} value={role} />
                {role.toLowerCase()}
              </label>
            ))}
          </div>
          <ErrorList errors={fields.roles.errors} />
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
