import type { RubricDraft } from "~/domain/rubrics/types";

/** A rubric's criteria as the Criterion rows of a version, in order: one column per anchor, and an empty list for no questions. */
export function criterionRows(rubric: RubricDraft) {
  return rubric.criteria.map((criterion, index) => ({
    position: index,
    key: criterion.key,
    title: criterion.title,
    lookFor: criterion.lookFor,
    weight: criterion.weight,
    anchor1: criterion.anchors[1],
    anchor2: criterion.anchors[2],
    anchor3: criterion.anchors[3],
    anchor4: criterion.anchors[4],
    questions: criterion.questions ?? [],
  }));
}
