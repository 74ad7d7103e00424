/**
 * An autosave of a half-filled scorecard form, as the no-JavaScript form or the autosave
 * fetcher posts it: the first half of the criteria rated with evidence, a few other
 * answers. `version` is the draft version the save is based on (0: no scorecard yet);
 * `note` goes into the note for later interviewers (the soak writes a unique marker there).
 */
export function halfFilledDraft(
  rubricVersionId: string,
  criterionKeys: readonly string[],
  { version = 0, note, scoreShift = 0 }: { version?: number; note?: string; scoreShift?: number } = {},
): URLSearchParams {
  const form = new URLSearchParams({ intent: "save-draft", version: String(version), rubricVersionId });
  criterionKeys.slice(0, Math.ceil(criterionKeys.length / 2)).forEach((key, index) => {
    form.set(`ratings.${key}.score`, String(2 + ((index + scoreShift) % 3)));
    form.set(`ratings.${key}.evidence`, `Walked through ${key.replaceAll("-", " ")} on their fraud-scoring service, with numbers from production.`);
  });
  form.set("recommendation", "yes");
  form.set("production.serving.status", "evidenced");
  form.set("production.serving.note", "Runs an online inference service with a p99 under 60 ms.");
  form.set("production.monitoring.status", "not_discussed");
  form.set("lifecycleOwnership", "yes");
  if (note !== undefined) form.set("noteForLaterInterviewers", note);
  return form;
}
