import type { ExplanationStep, StepOutcome } from "~/domain/leveling/types";

/** Each outcome has a word and a symbol, not only a colour. */
const OUTCOMES: Record<StepOutcome, { label: string; symbol: string; className: string }> = {
  met: { label: "Met", symbol: "✓", className: "text-green-800" },
  not_met: { label: "Not met", symbol: "✗", className: "text-red-800" },
  capped: { label: "Capped", symbol: "▼", className: "text-amber-900" },
  info: { label: "Info", symbol: "•", className: "text-slate-700" },
};

/** The leveling service's explanation: the rules applied, in order, with the numbers they used. */
export function ExplanationSteps({ steps }: { steps: readonly ExplanationStep[] }) {
  return (
    <ol className="mt-1 space-y-1 text-sm">
      {steps.map((step, index) => {
        const outcome = OUTCOMES[step.outcome];
        return (
          <li key={index} className="flex gap-2">
            <span className={`shrink-0 font-semibold ${outcome.className}`}>
              <span aria-hidden="true">{outcome.symbol}</span>
              <span className="sr-only">{outcome.label}:</span>
            </span>
            <span>{step.message}</span>
          </li>
        );
      })}
    </ol>
  );
}
