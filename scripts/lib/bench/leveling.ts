import { DEFAULT_POLICY, level, type CandidateEvidence } from "~/domain/leveling";
import { DEFAULT_RUBRICS } from "~/domain/rubrics/default-rubrics";
import { SCREEN_AREA_KEYS } from "~/domain/screen-areas";
import { generateDatasetAsync, type ReferenceRubric } from "./dataset";

/**
 * Evidence of a few hundred varied candidates (every outcome, caps, gates, flags, both
 * tracks), from the same generator as the large dataset, with the default rubrics.
 */
export async function sampleEvidences(count = 400, seed = 7): Promise<CandidateEvidence[]> {
  let id = 0;
  const fakeId = () => `00000000-0000-4000-8000-${String(++id).padStart(12, "0")}`;
  const rubrics: ReferenceRubric[] = SCREEN_AREA_KEYS.map((areaKey) => ({
    areaKey,
    rubricVersionId: fakeId(),
    criteria: DEFAULT_RUBRICS[areaKey].criteria.map((criterion) => ({
      id: fakeId(),
      key: criterion.key,
      title: criterion.title,
      weight: criterion.weight,
    })),
  }));
  const dataset = await generateDatasetAsync(rubrics, DEFAULT_POLICY, {
    candidates: count,
    interviewers: 12,
    recruiters: 1,
    benchInterviews: 0,
    seed,
    now: new Date("2026-01-01T00:00:00Z"),
  });
  return dataset.recommendations.map((row) => row.evidence);
}

/** Untimed rounds first: V8 optimises `level` and its helpers only after many calls. */
const WARM_UP_SECONDS = 1;

/**
 * Single-threaded `level(evidence, DEFAULT_POLICY)` over the sample, round after round,
 * for about `seconds` after a warm-up; returns evaluations per second in the steady state
 * (what a policy simulation over thousands of candidates runs at). Only the loop is
 * timed: the event loop gets a turn every ~25 ms (so Ctrl-C works), outside the measured time.
 */
export async function levelingEvaluationsPerSecond(seconds: number): Promise<number> {
  const evidences = await sampleEvidences();
  const sink = { value: 0 };
  await evaluateFor(WARM_UP_SECONDS, evidences, sink);
  const { evaluations, measuredMs } = await evaluateFor(seconds, evidences, sink);
  if (sink.value < 0) console.log(sink.value); // keeps the results observable
  return evaluations / (measuredMs / 1000);
}

async function evaluateFor(
  seconds: number,
  evidences: readonly CandidateEvidence[],
  sink: { value: number },
): Promise<{ evaluations: number; measuredMs: number }> {
  let evaluations = 0;
  let measuredMs = 0;
  while (measuredMs < seconds * 1000) {
    const sliceStart = performance.now();
    let now = sliceStart;
    while (now - sliceStart < 25) {
      for (const evidence of evidences) sink.value += level(evidence, DEFAULT_POLICY).explanation.length;
      evaluations += evidences.length;
      now = performance.now();
    }
    measuredMs += now - sliceStart;
    await new Promise((resolve) => setImmediate(resolve));
  }
  return { evaluations, measuredMs };
}
