/** How long an interview may be planned for, in minutes (forms and the API share it). */
export const MIN_DURATION_MINUTES = 15;
export const MAX_DURATION_MINUTES = 480;
/** Interviews are planned within these years; anything else is a typing slip. */
export const EARLIEST_YEAR = 2000;
export const LATEST_YEAR = 2100;
