/** Individual-contributor levels, lowest first; their order is what "higher" means. */
export const IC_LEVELS = ["IC3", "IC4", "IC5", "IC6"] as const;
export const MANAGER_LEVELS = ["M1", "M2"] as const;
export const LEVELS = [...IC_LEVELS, ...MANAGER_LEVELS] as const;

export type IcLevel = (typeof IC_LEVELS)[number];
export type ManagerLevel = (typeof MANAGER_LEVELS)[number];
export type Level = (typeof LEVELS)[number];

export type Track = "IC" | "M";

export const LEVEL_TITLES: Record<Level, string> = {
  IC3: "Semi Senior ML Engineer",
  IC4: "Senior ML Engineer",
  IC5: "Staff ML Engineer",
  IC6: "Principal ML Engineer",
  M1: "Engineering Manager",
  M2: "Sr. Engineering Manager",
};
