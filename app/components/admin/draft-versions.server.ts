import type { VersionHistoryItem } from "./version-history";

type PublishedVersion = { number: number; publishedAt: Date | null; publishedBy: string };
type DraftVersion = { id: string; number: number; version: number; createdAt: Date; createdBy: string };
type StoredHistory = readonly (Omit<VersionHistoryItem, "createdAt" | "publishedAt"> & { createdAt: Date; publishedAt: Date | null })[];

/**
 * The published version, the open draft and the history of a rubric or of the leveling
 * policy as its draft editing page receives them: each version's heading (dates as ISO
 * strings; the draft with the id and version its forms post back) and what the page shows
 * of its content.
 */
export function versionsForPage<Published extends PublishedVersion, Draft extends DraftVersion, PublishedContent, DraftContent>(
  view: { published: Published | null; draft: Draft | null; history: StoredHistory },
  content: { published: (published: Published) => PublishedContent; draft: (draft: Draft) => DraftContent },
) {
  const { published, draft } = view;
  return {
    published: published && {
      number: published.number,
      publishedAt: published.publishedAt?.toISOString() ?? null,
      publishedBy: published.publishedBy,
      ...content.published(published),
    },
    draft: draft && {
      id: draft.id,
      number: draft.number,
      version: draft.version,
      createdAt: draft.createdAt.toISOString(),
      createdBy: draft.createdBy,
      ...content.draft(draft),
    },
    history: view.history.map(
      (version): VersionHistoryItem => ({
        ...version,
        createdAt: version.createdAt.toISOString(),
        publishedAt: version.publishedAt?.toISOString() ?? null,
      }),
    ),
  };
}
