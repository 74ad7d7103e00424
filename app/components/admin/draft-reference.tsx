import { parseFormVersion } from "~/domain/int-columns";
import { isUuid } from "~/utils/params";

/**
 * The draft a form acts on and the draft version the admin last saw (rubric or leveling
 * policy). Every save, publish and discard posts both, so acting on a draft someone changed
 * since is refused, not applied.
 */
export function DraftReferenceFields({ draft }: { draft: { id: string; version: number } }) {
  return (
    <>
      <input type="hidden" name="draftId" value={draft.id} />
      <input type="hidden" name="version" value={draft.version} />
    </>
  );
}

/** What DraftReferenceFields posted, or null when it is missing or malformed. */
export function readDraftReference(formData: FormData): { draftId: string; expectedVersion: number } | null {
  const draftId = String(formData.get("draftId") ?? "");
  const version = parseFormVersion(formData.get("version"), 1);
  if (!isUuid(draftId) || version === null) return null;
  return { draftId, expectedVersion: version };
}
