/**
 * The browser-side copy of a scorecard form, so that a closed tab, a crash or a failed
 * save loses nothing. One localStorage entry per scorecard, server version it was
 * edited on top of, and browser tab:
 *
 *   ml-leveling:scorecard-draft:<scorecardId>:<version>:<tabId>
 *
 * The tab part keeps two open tabs (or a copy being offered for restore and the
 * edits typed meanwhile) from overwriting each other's copy. Values are the form's
 * fields by name, as the browser would post them.
 */

export type FormValues = Record<string, string>;

export interface LocalCopy {
  key: string;
  scorecardId: string;
  /** The server version of the draft these edits were made on top of. */
  version: number;
  tabId: string;
  /** Epoch milliseconds of the last change. */
  savedAt: number;
  values: FormValues;
}

const PREFIX = "ml-leveling:scorecard-draft:";

export function localCopyKey(scorecardId: string, version: number, tabId: string): string {
  return `${PREFIX}${encodeURIComponent(scorecardId)}:${version}:${tabId}`;
}

/** localStorage, or null where it is missing or refused (private modes, storage disabled). */
export function browserStorage(): Storage | null {
  try {
    return typeof window === "undefined" ? null : window.localStorage;
  } catch {
    return null;
  }
}

export function newTabId(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}

/** False when the copy could not be written (quota, storage refused). */
export function writeLocalCopy(storage: Storage, copy: Omit<LocalCopy, "key">): boolean {
  const { scorecardId, version, tabId, savedAt, values } = copy;
  try {
    storage.setItem(localCopyKey(scorecardId, version, tabId), JSON.stringify({ savedAt, values }));
    return true;
  } catch {
    return false;
  }
}

export function removeLocalCopy(storage: Storage, key: string): void {
  try {
    storage.removeItem(key);
  } catch {
    // Nothing to do: a copy we cannot remove is offered again and compared on the next load.
  }
}

/** Every readable copy of one scorecard, newest first. Unreadable entries are removed. */
export function listLocalCopies(storage: Storage, scorecardId: string): LocalCopy[] {
  const prefix = `${PREFIX}${encodeURIComponent(scorecardId)}:`;
  const keys: string[] = [];
  try {
    for (let index = 0; index < storage.length; index++) {
      const key = storage.key(index);
      if (key?.startsWith(prefix)) keys.push(key);
    }
  } catch {
    return [];
  }
  const copies: LocalCopy[] = [];
  for (const key of keys) {
    const copy = parseCopy(key, prefix, storage);
    if (copy) copies.push({ ...copy, scorecardId });
    else removeLocalCopy(storage, key);
  }
  return copies.sort((a, b) => b.savedAt - a.savedAt);
}

function parseCopy(key: string, prefix: string, storage: Storage): Omit<LocalCopy, "scorecardId"> | null {
  const [versionText, tabId, ...rest] = key.slice(prefix.length).split(":");
  const version = Number(versionText);
  if (!Number.isSafeInteger(version) || !tabId || rest.length > 0) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(storage.getItem(key) ?? "null");
  } catch {
    return null;
  }
  if (typeof parsed !== "object" || parsed === null) return null;
  const { savedAt, values } = parsed as { savedAt?: unknown; values?: unknown };
  if (typeof savedAt !== "number" || typeof values !== "object" || values === null) return null;
  const entries = Object.entries(values).filter((entry): entry is [string, string] => typeof entry[1] === "string");
  return { key, version, tabId, savedAt, values: Object.fromEntries(entries) };
}

/**
 * Whether two snapshots hold the same answers. Surrounding whitespace and blank fields
 * do not count: the server trims text and stores a blank as "not answered", so a copy
 * that differs from the saved draft only there has nothing worth restoring.
 */
export function sameValues(a: FormValues, b: FormValues): boolean {
  const normalised = (values: FormValues) =>
    new Map(
      Object.entries(values)
        .map(([name, value]) => [name, value.trim()] as const)
        .filter(([, value]) => value !== ""),
    );
  const left = normalised(a);
  const right = normalised(b);
  if (left.size !== right.size) return false;
  for (const [name, value] of left) if (right.get(name) !== value) return false;
  return true;
}

/** Exponential backoff for a failed save: about 1 s, 2 s, 4 s … capped at 30 s, with ±20 % jitter. */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(30_000, 1_000 * 2 ** Math.max(0, attempt));
  return Math.round(base * (0.8 + 0.4 * random()));
}

// ---------------------------------------------------------------------------------
// The form's values. Single-valued fields only (text, textarea, select, radio), which is
// all a scorecard has; hidden inputs (version, intent) and buttons are not answers.

type FormControl = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

function answerControls(form: HTMLFormElement): FormControl[] {
  const controls: FormControl[] = [];
  for (const element of Array.from(form.elements)) {
    if (
      !(element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement || element instanceof HTMLSelectElement) ||
      !element.name ||
      element.disabled
    ) {
      continue;
    }
    if (element instanceof HTMLInputElement && ["hidden", "submit", "button", "reset", "image", "file"].includes(element.type)) {
      continue;
    }
    controls.push(element);
  }
  return controls;
}

function isToggle(control: FormControl): control is HTMLInputElement {
  return control instanceof HTMLInputElement && (control.type === "radio" || control.type === "checkbox");
}

export function readFormValues(form: HTMLFormElement): FormValues {
  const values: FormValues = {};
  for (const control of answerControls(form)) {
    if (isToggle(control)) {
      if (control.checked) values[control.name] = control.value;
    } else {
      values[control.name] = control.value;
    }
  }
  return values;
}

/** Puts a snapshot back into the form: every answer field takes the snapshot's value, or blank. */
export function applyFormValues(form: HTMLFormElement, values: FormValues): void {
  for (const control of answerControls(form)) {
    const value = Object.hasOwn(values, control.name) ? values[control.name] : undefined;
    if (isToggle(control)) control.checked = value === control.value;
    else control.value = value ?? "";
  }
}

/** Whether the user (or the browser's own form restore) changed anything since the page rendered. */
export function formDiffersFromDefaults(form: HTMLFormElement): boolean {
  return answerControls(form).some((control) => {
    if (isToggle(control)) return control.checked !== control.defaultChecked;
    if (control instanceof HTMLSelectElement) {
      // With no option marked as the default, a single select starts on its first option.
      const defaultIndex = Math.max(0, Array.from(control.options).findIndex((option) => option.defaultSelected));
      return control.selectedIndex !== defaultIndex;
    }
    return control.value !== control.defaultValue;
  });
}
