import type { ReactNode } from "react";
import { RATING_SCALE_LABELS, RATING_SCORES, type RubricAnchors } from "~/domain/rubrics/types";

/**
 * One criterion of a rubric as the read-only rubric and the interview kit list it: its
 * number, title, weight and what to look for, then what the page shows of it (children).
 */
export function CriterionCard({
  index,
  criterion,
  children,
}: {
  index: number;
  criterion: { title: string; weight: number; lookFor: string };
  children: ReactNode;
}) {
  return (
    <li className="rounded-lg border border-slate-200 bg-white p-4">
      <h3 className="font-semibold">
        {index + 1}. {criterion.title} <span className="text-sm font-normal text-slate-500">· weight {criterion.weight}</span>
      </h3>
      <p className="mt-1 text-sm text-slate-700">{criterion.lookFor}</p>
      {children}
    </li>
  );
}

/** What each of the four points means for a criterion. */
export function CriterionAnchors({ anchors }: { anchors: RubricAnchors }) {
  return (
    <dl className="mt-2 grid gap-2 text-sm md:grid-cols-2">
      {RATING_SCORES.map((score) => (
        <div key={score}>
          <dt className="font-medium text-slate-600">
            {score} · {RATING_SCALE_LABELS[score]}
          </dt>
          <dd className="text-slate-800">{anchors[score]}</dd>
        </div>
      ))}
    </dl>
  );
}
