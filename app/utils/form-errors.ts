/**
 * Zod issues of a form grouped for display: by field for the fields the form shows, and the
 * rest (a hidden field, a tampered intent) as messages about the whole form, so no refusal
 * comes without a message.
 */
export function errorsForForm(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
  shownFields: readonly string[],
): { fields: Record<string, string[]>; form: string[] } {
  const fields: Record<string, string[]> = {};
  const form: string[] = [];
  for (const issue of issues) {
    const field = String(issue.path[0] ?? "");
    if (shownFields.includes(field)) (fields[field] ??= []).push(issue.message);
    else form.push(issue.message);
  }
  return { fields, form };
}
