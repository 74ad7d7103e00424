import { getInputProps, getSelectProps, type FieldMetadata } from "@conform-to/react";
import { ErrorList } from "~/components/forms";
import { IC_LEVELS, LEVEL_TITLES, LEVELS, type Level } from "~/domain/levels";
import { PRODUCTION_CAPABILITIES } from "~/domain/scorecards/scorecard-fields";
// Types only: the policy schema (Zod) stays on the server; its bounds come without it.
import type { LevelingPolicy } from "~/domain/leveling/policy";
import { MAX_BAND_USD, MAX_LEVEL_DISTANCE, MAX_PREMIUM_PERCENT, THRESHOLD_DECIMALS } from "~/domain/leveling/policy-limits";

/** Every value as the form holds it: strings, blank for an omitted optional minimum. */
type AsFormValues<T> = T extends object ? { [K in keyof T]: AsFormValues<T[K]> } : string;
export type PolicyFormValues = { policy: AsFormValues<Omit<LevelingPolicy, "scoreLevels">> & { scoreLevels: ScoreLevelsForm } };
type ThresholdsForm = { minMean: string; minMlSystemDesign?: string; minEveryArea?: string };
type ScoreLevelsForm = { IC4: ThresholdsForm; IC5: ThresholdsForm; IC6: ThresholdsForm };

const GATED_LEVELS = IC_LEVELS.filter((level) => level !== "IC3");

export function toPolicyFormValues(policy: LevelingPolicy): PolicyFormValues {
  const text = (value: number | undefined) => (value === undefined ? "" : String(value));
  const thresholds = (level: "IC4" | "IC5" | "IC6"): ThresholdsForm => ({
    minMean: text(policy.scoreLevels[level].minMean),
    minMlSystemDesign: text(policy.scoreLevels[level].minMlSystemDesign),
    minEveryArea: text(policy.scoreLevels[level].minEveryArea),
  });
  const band = (level: Level) => ({ min: text(policy.bands[level].min), max: text(policy.bands[level].max) });
  return {
    policy: {
      version: text(policy.version),
      hireBar: { minEveryArea: text(policy.hireBar.minEveryArea), minMean: text(policy.hireBar.minMean) },
      scoreLevels: { IC4: thresholds("IC4"), IC5: thresholds("IC5"), IC6: thresholds("IC6") },
      production: { minCapabilities: text(policy.production.minCapabilities) },
      gates: { ...policy.gates },
      managerEquivalents: { ...policy.managerEquivalents },
      bands: { IC3: band("IC3"), IC4: band("IC4"), IC5: band("IC5"), IC6: band("IC6"), M1: band("M1"), M2: band("M2") },
      faangPremiumPercent: { min: text(policy.faangPremiumPercent.min), max: text(policy.faangPremiumPercent.max) },
      flags: { areaDisagreement: text(policy.flags.areaDisagreement), levelSignalDistance: text(policy.flags.levelSignalDistance) },
    },
  };
}

const inputClass =
  "block w-28 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm shadow-sm focus:border-indigo-600 focus:outline-none focus:ring-1 focus:ring-indigo-600";

// Conform's metadata generics vary per field; the helpers only read names, ids and errors.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyField = FieldMetadata<any, any, string[]>;

function invalidProps(field: AnyField) {
  return field.errors?.length ? { "aria-invalid": true, "aria-describedby": field.errorId } : {};
}

function NumberInput({ field, label, step = "any", unit }: { field: AnyField; label: string; step?: string; unit?: string }) {
  return (
    <div className="space-y-1">
      <label htmlFor={field.id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <div className="flex items-center gap-2">
        <input {...getInputProps(field, { type: "number" })} {...invalidProps(field)} step={step} className={inputClass} />
        {unit ? <span className="text-sm text-slate-600">{unit}</span> : null}
      </div>
      <ErrorList id={field.errorId} errors={field.errors} />
    </div>
  );
}

function LevelSelect({ field, label, options }: { field: AnyField; label: string; options: readonly string[] }) {
  return (
    <div className="space-y-1">
      <label htmlFor={field.id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <select {...getSelectProps(field)} {...invalidProps(field)} className={inputClass}>
        {options.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </select>
      <ErrorList id={field.errorId} errors={field.errors} />
    </div>
  );
}

function Section({ title, hint, children }: { title: string; hint: string; children: React.ReactNode }) {
  return (
    <fieldset className="rounded-lg border border-slate-200 bg-white p-4">
      <legend className="px-1 font-semibold">{title}</legend>
      <p className="mb-3 text-sm text-slate-600">{hint}</p>
      {children}
    </fieldset>
  );
}

/** Every field of a leveling policy, named `policy.…` as levelingPolicySchema expects them. */
export function PolicyFields({ policy }: { policy: FieldMetadata<PolicyFormValues["policy"], Record<string, unknown>, string[]> }) {
  const fields = policy.getFieldset();
  const hireBar = fields.hireBar.getFieldset();
  const scoreLevels = fields.scoreLevels.getFieldset();
  const gates = fields.gates.getFieldset();
  const managers = fields.managerEquivalents.getFieldset();
  const bands = fields.bands.getFieldset();
  const premium = fields.faangPremiumPercent.getFieldset();
  const flags = fields.flags.getFieldset();
  return (
    <div className="space-y-4">
      <input {...getInputProps(fields.version, { type: "hidden" })} />
      <ErrorList id={policy.errorId} errors={policy.errors} />
      <Section
        title="Hire bar"
        hint={`Below either minimum: no hire. At it: IC3. Scores are area means on the 1–4 scale; every threshold in hundredths (at most ${THRESHOLD_DECIMALS} decimals).`}
      >
        <div className="flex flex-wrap gap-6">
          <NumberInput field={hireBar.minEveryArea} label="Every area at least" />
          <NumberInput field={hireBar.minMean} label="Mean of the areas at least" />
        </div>
      </Section>

      <Section
        title="Score levels"
        hint="Cumulative: a level needs its minimums and those of every level below. Means must rise strictly from the hire bar to IC6; leave an optional minimum blank to add nothing."
      >
        <table className="text-sm">
          <thead className="text-left text-slate-500">
            <tr>
              <th scope="col" className="pr-4">
                Level
              </th>
              <th scope="col" className="pr-4">
                Mean at least
              </th>
              <th scope="col" className="pr-4">
                ML system design at least (optional)
              </th>
              <th scope="col">Every area at least (optional)</th>
            </tr>
          </thead>
          <tbody>
            {(["IC4", "IC5", "IC6"] as const).map((level) => {
              const thresholds = scoreLevels[level].getFieldset();
              return (
                <tr key={level} className="align-top">
                  <th scope="row" className="py-2 pr-4 text-left">
                    {level}
                  </th>
                  <td className="py-2 pr-4">
                    <NumberInput field={thresholds.minMean} label={`${level} mean`} />
                  </td>
                  <td className="py-2 pr-4">
                    <NumberInput field={thresholds.minMlSystemDesign} label={`${level} ML system design`} />
                  </td>
                  <td className="py-2">
                    <NumberInput field={thresholds.minEveryArea} label={`${level} every area`} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </Section>

      <Section
        title="Production rule and gates"
        hint="Without production experience a candidate caps at IC3, whatever the scores. Without the gate's evidence, a level is capped one below the gate."
      >
        <div className="flex flex-wrap gap-6">
          <LevelSelect
            field={fields.production.getFieldset().minCapabilities}
            label={`Production experience: capabilities evidenced (of ${PRODUCTION_CAPABILITIES.length})`}
            options={PRODUCTION_CAPABILITIES.map((_, index) => String(index + 1))}
          />
          <LevelSelect field={gates.lifecycleOwnershipFrom} label="Full-lifecycle ownership needed from" options={GATED_LEVELS} />
          <LevelSelect field={gates.sharedInfrastructureFrom} label="Shared ML infrastructure needed from" options={GATED_LEVELS} />
        </div>
      </Section>

      <Section title="Manager track" hint="The IC level whose requirements each manager level needs, plus people-management evidence.">
        <div className="flex flex-wrap gap-6">
          <LevelSelect field={managers.M1} label="M1 needs what this level needs" options={GATED_LEVELS} />
          <LevelSelect field={managers.M2} label="M2 needs what this level needs" options={GATED_LEVELS} />
        </div>
      </Section>

      <Section
        title="Salary bands"
        hint={`USD a month, whole dollars up to ${MAX_BAND_USD.toLocaleString("en-US")}; each band's minimum below its maximum. Bands rise with the level: each IC band's minimum and maximum at least the level below's, M1 and M2 at least the IC level each needs (and M2 at least M1).`}
      >
        <table className="text-sm">
          <tbody>
            {LEVELS.map((level) => {
              const band = bands[level].getFieldset();
              return (
                <tr key={level} className="align-top">
                  <th scope="row" className="py-2 pr-4 text-left">
                    {level} <span className="font-normal text-slate-500">{LEVEL_TITLES[level]}</span>
                  </th>
                  <td className="py-2 pr-4">
                    <NumberInput field={band.min} label={`${level} minimum`} step="1" unit="USD" />
                  </td>
                  <td className="py-2">
                    <NumberInput field={band.max} label={`${level} maximum`} step="1" unit="USD" />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </Section>

      <Section
        title="FAANG-type premium"
        hint={`Raises the band's minimum by the first percentage and its maximum by the second; each from 0 to ${MAX_PREMIUM_PERCENT}%.`}
      >
        <div className="flex flex-wrap gap-6">
          <NumberInput field={premium.min} label="Premium on the minimum" unit="%" />
          <NumberInput field={premium.max} label="Premium on the maximum" unit="%" />
        </div>
      </Section>

      <Section
        title="Debrief flags"
        hint={`When a recommendation calls for a conversation rather than a silent number. The level-signal distance is 1 to ${MAX_LEVEL_DISTANCE} levels.`}
      >
        <div className="flex flex-wrap gap-6">
          <NumberInput field={flags.areaDisagreement} label="Interviewers of an area differ by at least (points)" />
          <NumberInput field={flags.levelSignalDistance} label="Level signal at least this many levels away" step="1" />
        </div>
      </Section>
    </div>
  );
}
