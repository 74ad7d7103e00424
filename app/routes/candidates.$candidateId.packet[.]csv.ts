import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireRole } from "~/auth/permissions.server";
import { fileSlug, packetCsv } from "~/domain/candidates/packet-csv";
import { getCandidatePacket } from "~/models/candidate.server";
import { getDecision } from "~/models/decision.server";
import { candidateScoresOf } from "~/models/visibility.server";

/** The candidate packet as a CSV download (a resource route: no page, no component). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, "RECRUITER");
  const candidateId = params.candidateId ?? "";
  // The same rule as the printable packet: a recruiter who owes a scorecard gets theirs and a notice.
  const withheld = (await candidateScoresOf(user, candidateId)) === "withheld";
  const [packet, decision] = await Promise.all([
    getCandidatePacket(candidateId, { withheldFrom: withheld ? user.id : null }),
    withheld ? null : getDecision(candidateId),
  ]);
  if (!packet) throw new Response("Candidate not found", { status: 404 });
  const body = packetCsv({
    candidateName: packet.candidate.name,
    scorecards: packet.scorecards,
    recommendation: packet.recommendation,
    withheld,
    decision,
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      // The slug is ASCII letters, digits and dashes: safe inside the quotes.
      "Content-Disposition": `attachment; filename="${fileSlug(packet.candidate.name)}-packet.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
