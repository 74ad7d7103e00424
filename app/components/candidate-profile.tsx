import { CANDIDATE_TRACK_LABELS, type CandidateTrack } from "~/domain/candidates/candidate-fields";

export type CandidateProfile = {
  email: string;
  country: string;
  currentTitle: string;
  yearsExperience: number;
  track: CandidateTrack;
  faangExperience: boolean;
  recruiter: { name: string } | null;
};

/**
 * The profile as the candidate page and the packet show it: one term and value per field,
 * to place inside the caller's <dl>, which sets the layout and may add fields of its own.
 */
export function CandidateProfileFields({ profile }: { profile: CandidateProfile }) {
  const fields: [term: string, value: string | number][] = [
    ["Email", profile.email],
    ["Country", profile.country],
    ["Current title", profile.currentTitle],
    ["Years of experience", profile.yearsExperience],
    ["Track", CANDIDATE_TRACK_LABELS[profile.track]],
    ["FAANG-type experience", profile.faangExperience ? "Yes" : "No"],
    ["Recruiter", profile.recruiter?.name ?? "Unassigned"],
  ];
  return fields.map(([term, value]) => (
    <div key={term}>
      <dt className="text-slate-500">{term}</dt>
      <dd>{value}</dd>
    </div>
  ));
}
