import { getDb } from "~/utils/db.server";

export function listCandidates() {
  return getDb().candidate.findMany({
    orderBy: { createdAt: "desc" },
    take: 50,
    select: { id: true, name: true, country: true, currentTitle: true, track: true, yearsExperience: true },
  });
}
