import { RATING_SCORES, type RatingScore, type RubricCriterionDraft, type RubricDraft } from "./types";

type Change<Kind extends string, Value> = { kind: Kind; key: string; before: Value; after: Value };

/** One difference between two versions of an area's rubric, matched by criterion key. */
export type RubricChange =
  | { kind: "criterion_added"; key: string; after: RubricCriterionDraft }
  | { kind: "criterion_removed"; key: string; before: RubricCriterionDraft }
  /** Positions are 1-based, in the published and the draft list respectively. */
  | Change<"criterion_reordered", number>
  | Change<"title_changed", string>
  | Change<"look_for_changed", string>
  | Change<"weight_changed", number>
  /** The interview kit's suggested questions of a criterion (the whole list, in order). */
  | Change<"questions_changed", string[]>
  | (Change<"anchor_changed", string> & { score: RatingScore });

/**
 * Changes from the published version to the draft: first the draft's criteria in
 * draft order (added, or moved and/or edited), then the removed ones in published order.
 */
export function diffRubrics(published: RubricDraft, draft: RubricDraft): RubricChange[] {
  if (published.areaKey !== draft.areaKey) {
    throw new Error(`Cannot diff rubrics of different areas: ${published.areaKey} and ${draft.areaKey}`);
  }
  const publishedByKey = new Map(published.criteria.map((criterion) => [criterion.key, criterion]));
  const draftKeys = new Set(draft.criteria.map((criterion) => criterion.key));
  const movedKeys = findMovedKeys(
    published.criteria.map((criterion) => criterion.key).filter((key) => draftKeys.has(key)),
    draft.criteria.map((criterion) => criterion.key).filter((key) => publishedByKey.has(key)),
  );

  const changes: RubricChange[] = [];
  draft.criteria.forEach((after, draftIndex) => {
    const before = publishedByKey.get(after.key);
    if (before === undefined) {
      changes.push({ kind: "criterion_added", key: after.key, after });
      return;
    }
    if (movedKeys.has(after.key)) {
      const publishedIndex = published.criteria.indexOf(before);
      changes.push({ kind: "criterion_reordered", key: after.key, before: publishedIndex + 1, after: draftIndex + 1 });
    }
    changes.push(...diffCriterion(before, after));
  });
  for (const before of published.criteria) {
    if (!draftKeys.has(before.key)) changes.push({ kind: "criterion_removed", key: before.key, before });
  }
  return changes;
}

function diffCriterion(before: RubricCriterionDraft, after: RubricCriterionDraft): RubricChange[] {
  const key = after.key;
  const changes: RubricChange[] = [];
  if (before.title !== after.title) {
    changes.push({ kind: "title_changed", key, before: before.title, after: after.title });
  }
  if (before.lookFor !== after.lookFor) {
    changes.push({ kind: "look_for_changed", key, before: before.lookFor, after: after.lookFor });
  }
  if (before.weight !== after.weight) {
    changes.push({ kind: "weight_changed", key, before: before.weight, after: after.weight });
  }
  for (const score of RATING_SCORES) {
    if (before.anchors[score] !== after.anchors[score]) {
      changes.push({ kind: "anchor_changed", key, score, before: before.anchors[score], after: after.anchors[score] });
    }
  }
  const questionsBefore = before.questions ?? [];
  const questionsAfter = after.questions ?? [];
  if (questionsBefore.length !== questionsAfter.length || questionsBefore.some((question, index) => question !== questionsAfter[index])) {
    changes.push({ kind: "questions_changed", key, before: questionsBefore, after: questionsAfter });
  }
  return changes;
}

/**
 * The fewest criteria that must move to turn one order into the other: those outside
 * the longest chain whose published order the draft kept. Moving one criterion to the
 * top therefore reports that criterion, not every criterion it displaced. When
 * several answers are equally small (a swap), the first found in draft order wins.
 */
function findMovedKeys(publishedOrder: string[], draftOrder: string[]): Set<string> {
  const publishedRank = new Map(publishedOrder.map((key, index) => [key, index]));
  const chainsEndingAt: { rank: number; chain: string[] }[] = [];
  let longestChain: string[] = [];
  for (const key of draftOrder) {
    const rank = publishedRank.get(key) ?? -1;
    const longestBefore = chainsEndingAt
      .filter((earlier) => earlier.rank < rank)
      .reduce<string[]>((best, earlier) => (earlier.chain.length > best.length ? earlier.chain : best), []);
    const chain = [...longestBefore, key];
    chainsEndingAt.push({ rank, chain });
    if (chain.length > longestChain.length) longestChain = chain;
  }
  const keptInOrder = new Set(longestChain);
  return new Set(draftOrder.filter((key) => !keptInOrder.has(key)));
}
