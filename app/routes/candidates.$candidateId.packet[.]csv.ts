import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireRole } from "~/auth/permissions.server";
import { fileSlug, packetCsv } from "~/domain/candidates/packet-csv";
import { getCandidatePacket } from "~/models/candidate.server";
import { getDecision } from "~/models/decision.server";

/** The candidate packet as a CSV download (a resource route: no page, no component). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, "RECRUITER");
  const candidateId = params.candidateId ?? "";
  const [packet, decision] = await Promise.all([getCandidatePacket(candidateId), getDecision(candidateId)]);
  if (!packet) throw new Response("Candidate not found", { status: 404 });
  const body = packetCsv({
    candidateName: packet.candidate.name,
    scorecards: packet.scorecards,
    recommendation: packet.recommendation,
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
