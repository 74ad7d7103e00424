import { formatDateTimeUtc } from "~/utils/format";

export type VersionHistoryItem = {
  number: number;
  status: "DRAFT" | "PUBLISHED" | "RETIRED";
  createdAt: string;
  publishedAt: string | null;
  publishedBy: string | null;
};

const STATUS_LABELS: Record<VersionHistoryItem["status"], string> = {
  DRAFT: "draft",
  PUBLISHED: "published (in use)",
  RETIRED: "retired",
};

/** Every version of a rubric or policy, newest first. Published versions never change. */
export function VersionHistory({ versions }: { versions: readonly VersionHistoryItem[] }) {
  return (
    <section className="mt-8">
      <h2 className="mb-2 text-lg font-semibold">History</h2>
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Version history</caption>
        <thead className="border-b text-slate-500">
          <tr>
            <th scope="col" className="py-2">
              Version
            </th>
            <th scope="col">Status</th>
            <th scope="col">Created</th>
            <th scope="col">Published</th>
          </tr>
        </thead>
        <tbody>
          {versions.map((version) => (
            <tr key={version.number} className="border-b" data-version={version.number} data-status={version.status}>
              <td className="py-1 font-mono">{version.number}</td>
              <td>{STATUS_LABELS[version.status]}</td>
              <td>{formatDateTimeUtc(version.createdAt)}</td>
              <td>{version.publishedAt ? `${formatDateTimeUtc(version.publishedAt)} by ${version.publishedBy}` : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** A one-line success or failure notice at the top of an admin page. */
export function Notice({ tone, children }: { tone: "success" | "error"; children: React.ReactNode }) {
  return (
    <p
      role={tone === "error" ? "alert" : "status"}
      className={`mt-3 rounded p-3 text-sm ${tone === "error" ? "bg-red-50 text-red-800" : "bg-green-50 text-green-800"}`}
    >
      {children}
    </p>
  );
}

/** Above a form the server refused: how many fields to fix, since they may be far down the page. */
export function NotSavedSummary({ reply }: { reply: { status?: string; error?: Record<string, unknown> | null } | undefined }) {
  if (reply?.status !== "error" || !reply.error) return null;
  const fields = Object.entries(reply.error).filter(([name, errors]) => name !== "" && Array.isArray(errors) && errors.length > 0);
  if (fields.length === 0) return null;
  return (
    <p role="alert" className="rounded bg-red-50 p-3 text-sm text-red-800">
      Not saved: {fields.length === 1 ? "1 field needs" : `${fields.length} fields need`} attention below.
    </p>
  );
}
