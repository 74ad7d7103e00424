import { apiAction, apiLoader, apiProblem, requireScoresVisible } from "~/api/endpoint.server";
import type { ScreenAreaKey } from "~/domain/screen-areas";
import { getCandidateRecommendation } from "~/models/candidate.server";

export const loader = apiLoader("getRecommendation", async ({ params, caller }) => {
  const candidateId = params.candidateId!;
  await requireScoresVisible(caller, candidateId);
  const view = await getCandidateRecommendation(candidateId);
  if (!view) throw apiProblem("not-found", "No candidate with this id.");
  return {
    candidateId,
    status: view.status,
    level: view.level,
    levelTitle: view.levelTitle,
    band: view.band,
    premiumBand: view.premiumBand,
    flags: view.flags,
    explanation: view.explanation,
    areaMeans: Object.fromEntries(view.areas.map((area) => [area.key, area.mean])) as Record<ScreenAreaKey, number | null>,
    policyVersion: view.policyVersion,
    computedAt: view.computedAt,
  };
});

export const action = apiAction({});
