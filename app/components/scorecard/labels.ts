/** UI wording for the scorecard form; the vocabulary itself lives in the domain. */
import type { ExperienceQuestion, YesNo } from "~/domain/scorecards/scorecard-fields";

export * from "~/domain/scorecards/scorecard-fields";

export const YES_NO_LABELS: Record<YesNo, string> = { yes: "Yes", no: "No" };

/** One line each, from DOMAIN.md, shown under the question. */
export const EXPERIENCE_QUESTION_HINTS: Record<ExperienceQuestion, string> = {
  lifecycleOwnership:
    "Did the candidate own a model through its full lifecycle: through deployment, monitoring and iteration, not only training it?",
  sharedInfrastructure:
    "Did they build shared ML infrastructure that other engineers used, such as feature-engineering libraries, training frameworks or evaluation pipelines?",
  peopleManagement:
    "Have they managed engineers? It only counts for the manager track (M1, M2); leave it blank if it did not come up.",
};

/** Questions a submission may leave blank (people management matters only on the manager track). */
export const OPTIONAL_EXPERIENCE_QUESTIONS: readonly ExperienceQuestion[] = ["peopleManagement"];
