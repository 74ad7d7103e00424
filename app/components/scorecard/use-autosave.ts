/**
 * Draft autosave for the scorecard form, with JavaScript on. Without JavaScript the
 * form still posts normally; nothing here is needed for that.
 *
 * - Saves: every `input`/`change` in the form restarts a debounce (800 ms), and someone
 *   typing without a pause is saved at least every 5 s; then the whole form's FormData
 *   is posted through a Remix fetcher with `intent=save-draft` and the last version the
 *   hook knows. One request at a time: a save requested while one is in flight waits and
 *   then sends the form as it is by then.
 * - Versions: the action answers `{ ok: true, version }` on success and
 *   `{ ok: false, conflict: true }` when the posted version is stale. After a conflict
 *   the hook stops saving (it would overwrite someone else's changes) and says so; the
 *   text stays in the form and in this browser's copy.
 * - Local copy: the form's values are written to localStorage on every change (see
 *   local-copies.ts) and removed once a save covers them. On load, a copy that differs
 *   from what the server rendered is offered for restore.
 * - Failures: `{ ok: false, retryable: true }` (see keepAutosaveFailuresAsData) retries
 *   with exponential backoff, and at once when the browser comes back online.
 * - Leaving: on `visibilitychange` to hidden and on `pagehide`, pending changes are sent
 *   at once through the same fetcher. Not sendBeacon: a beacon's answer cannot be read,
 *   so the hook would not learn the new version and its next save (after a tab switch
 *   or a back/forward-cache restore) would be refused as a false conflict; and it would
 *   need the single-fetch URL (`<path>.data`) hard-coded. A beacon would pass the CSRF
 *   check (a same-origin POST carries `Origin`), but it is not needed: if the page dies
 *   before the save lands, the local copy has every keystroke and is offered on return.
 *
 * Version in the form: a JavaScript-off POST needs a hidden `version` field. Render it
 * from the hook, `<input type="hidden" name="version" value={autosave.version} />`, not
 * from the loader: autosaves move the version on, and a stale one in the final submit
 * would be refused as a conflict. (The hook cannot patch the input itself: React puts a
 * hidden input's value back to its prop on the next render.)
 */
import { isRouteErrorResponse, useFetcher } from "@remix-run/react";
import { type RefObject, useCallback, useEffect, useRef, useState } from "react";
import {
  applyFormValues,
  browserStorage,
  formDiffersFromDefaults,
  type LocalCopy,
  localCopyKey,
  listLocalCopies,
  newTabId,
  readFormValues,
  removeLocalCopy,
  retryDelayMs,
  sameValues,
  writeLocalCopy,
} from "./local-copies";

export { AutosaveStatus, LocalCopyNotice } from "./autosave-status";

export const SAVE_DRAFT_INTENT = "save-draft";

export const CONFLICT_MESSAGE =
  "This scorecard was changed elsewhere (another tab?). Reload to see the latest version; your text is kept in this browser.";

/** What the save-draft action answers. Anything else counts as a refused save. */
export type AutosaveActionResult =
  | { ok: true; version: number }
  | { ok: false; conflict: true }
  | { ok: false; conflict?: false; retryable?: boolean; message?: string };

export type AutosaveState =
  | { kind: "idle" }
  | { kind: "unsaved" }
  | { kind: "saving" }
  | { kind: "saved"; at: number }
  | { kind: "retrying"; attempt: number }
  | { kind: "conflict" }
  | { kind: "refused"; message: string | null };

export interface LocalCopyOffer {
  /** Epoch milliseconds of the copy's last change. */
  savedAt: number;
  /** The copy was made on an older server version: restoring replaces changes saved since. */
  basedOnOlderVersion: boolean;
  restore(): void;
  discard(): void;
}

export interface UseAutosaveOptions {
  formRef: RefObject<HTMLFormElement | null>;
  /** The `useFetcher` key; another component can read the same fetcher with it. */
  fetcherKey: string;
  scorecardId: string;
  /**
   * The draft's version as the loader rendered it. Read when the hook starts (and when
   * `scorecardId` changes); after that only the action's answers move it, so a
   * revalidation that brings another tab's version cannot make this tab overwrite it.
   */
  version: number;
  /** The action to post to; defaults to the route the hook is used in. */
  action?: string;
  /** False for a read-only (submitted) scorecard: no listeners, no saves. Default true. */
  enabled?: boolean;
  debounceMs?: number;
  /** Longest wait for a save while changes keep coming (default 5000 ms). */
  maxWaitMs?: number;
}

export interface UseAutosaveResult {
  state: AutosaveState;
  /** Short text for the visible status ("Saved 12:03", "Saving…", …); empty when idle. */
  statusText: string;
  /**
   * What the live region should say: only outcomes (saved, failed, conflict), so a
   * screen reader is not told "Unsaved changes… Saving…" on every pause in typing.
   */
  announcement: string;
  /** The last version the server confirmed. */
  version: number;
  conflict: boolean;
  /** A copy in this browser that differs from what the server rendered, if any. */
  localCopy: LocalCopyOffer | null;
  /** Sends pending changes now (e.g. before the final submit). */
  saveNow(): void;
}

const DEFAULT_DEBOUNCE_MS = 800;
const DEFAULT_MAX_WAIT_MS = 5000;

export function useAutosave({
  formRef,
  fetcherKey,
  scorecardId,
  version,
  action,
  enabled = true,
  debounceMs = DEFAULT_DEBOUNCE_MS,
  maxWaitMs = DEFAULT_MAX_WAIT_MS,
}: UseAutosaveOptions): UseAutosaveResult {
  const fetcher = useFetcher({ key: fetcherKey });
  const [state, setState] = useState<AutosaveState>({ kind: "idle" });
  const [announcement, setAnnouncement] = useState("");
  const [knownVersion, setKnownVersion] = useState(version);
  const [offer, setOffer] = useState<PendingOffer | null>(null);

  const fetcherRef = useRef(fetcher);
  const options = useRef({ scorecardId, action, debounceMs, maxWaitMs, enabled });
  useEffect(() => {
    fetcherRef.current = fetcher;
    options.current = { scorecardId, action, debounceMs, maxWaitMs, enabled };
  });

  const engine = useRef({
    version,
    tabId: "",
    /** Bumped on every change; a save covers the changes up to the value it was sent with. */
    changeSeq: 0,
    sentSeq: 0,
    savedSeq: 0,
    /** When the oldest change not yet sent was made (epoch ms), for the max wait. */
    pendingSince: null as number | null,
    inFlight: false,
    queued: false,
    stopped: false,
    attempt: 0,
    debounceTimer: null as ReturnType<typeof setTimeout> | null,
    retryTimer: null as ReturnType<typeof setTimeout> | null,
    lastData: fetcher.data as unknown,
    mirrorKey: null as string | null,
    form: null as HTMLFormElement | null,
    /** The scorecard the state above belongs to. */
    startedFor: null as string | null,
  });

  const report = useCallback((next: AutosaveState) => {
    setState((previous) =>
      previous.kind === next.kind && (next.kind === "unsaved" || next.kind === "saving") ? previous : next,
    );
    const spoken = announcementFor(next);
    if (spoken !== null) setAnnouncement(spoken);
  }, []);

  const writeMirror = useCallback(() => {
    const form = formRef.current;
    const storage = browserStorage();
    const e = engine.current;
    if (!form || !storage || !e.tabId) return;
    const { scorecardId: id } = options.current;
    const key = localCopyKey(id, e.version, e.tabId);
    if (e.mirrorKey && e.mirrorKey !== key) removeLocalCopy(storage, e.mirrorKey);
    if (writeLocalCopy(storage, { scorecardId: id, version: e.version, tabId: e.tabId, savedAt: Date.now(), values: readFormValues(form) })) {
      e.mirrorKey = key;
    }
  }, [formRef]);

  const clearMirror = useCallback(() => {
    const storage = browserStorage();
    const e = engine.current;
    if (storage && e.mirrorKey) removeLocalCopy(storage, e.mirrorKey);
    e.mirrorKey = null;
  }, []);

  /** `from` is for the unmount flush, when formRef is already detached. */
  const send = useCallback((from?: HTMLFormElement) => {
    const form = from ?? formRef.current;
    const e = engine.current;
    if (e.debounceTimer) clearTimeout(e.debounceTimer);
    e.debounceTimer = null;
    if (!form || e.stopped || !options.current.enabled) return;
    if (e.inFlight) {
      e.queued = true;
      return;
    }
    if (e.changeSeq === e.savedSeq) return;
    const formData = new FormData(form);
    formData.set("intent", SAVE_DRAFT_INTENT);
    formData.set("version", String(e.version));
    e.sentSeq = e.changeSeq;
    e.pendingSince = null;
    e.inFlight = true;
    e.queued = false;
    report({ kind: "saving" });
    fetcherRef.current.submit(formData, { method: "post", action: options.current.action });
  }, [formRef, report]);

  /** Sends now, skipping the debounce and any backoff wait. */
  const flush = useCallback(() => {
    const e = engine.current;
    if (e.stopped || e.changeSeq === e.savedSeq) return;
    if (e.retryTimer) clearTimeout(e.retryTimer);
    e.retryTimer = null;
    send();
  }, [send]);

  const onChange = useCallback(() => {
    const e = engine.current;
    if (!options.current.enabled) return;
    e.changeSeq++;
    writeMirror();
    if (e.stopped) return;
    if (!e.inFlight && !e.retryTimer) report({ kind: "unsaved" });
    const now = Date.now();
    e.pendingSince ??= now;
    if (e.retryTimer) return; // the retry sends the form as it is by then
    if (e.debounceTimer) clearTimeout(e.debounceTimer);
    const { debounceMs: debounce, maxWaitMs: maxWait } = options.current;
    const delay = Math.min(debounce, Math.max(0, e.pendingSince + maxWait - now));
    e.debounceTimer = setTimeout(() => send(), delay);
  }, [report, send, writeMirror]);

  const scheduleRetry = useCallback(() => {
    const e = engine.current;
    const attempt = e.attempt++;
    report({ kind: "retrying", attempt });
    if (e.retryTimer) clearTimeout(e.retryTimer);
    e.retryTimer = setTimeout(() => {
      e.retryTimer = null;
      send();
    }, retryDelayMs(attempt));
  }, [report, send]);

  const settle = useCallback(
    (data: unknown) => {
      const e = engine.current;
      e.inFlight = false;
      const result = parseResult(data);
      if (result.kind === "saved") {
        e.attempt = 0;
        e.version = result.version;
        e.savedSeq = e.sentSeq;
        setKnownVersion(result.version);
        if (e.changeSeq === e.savedSeq) {
          clearMirror();
          report({ kind: "saved", at: Date.now() });
        } else {
          writeMirror(); // re-keyed to the new version
          report({ kind: "unsaved" });
          if (e.queued) send();
        }
      } else if (result.kind === "conflict") {
        e.stopped = true;
        if (e.debounceTimer) clearTimeout(e.debounceTimer);
        e.debounceTimer = null;
        writeMirror();
        report({ kind: "conflict" });
      } else if (result.kind === "retry") {
        scheduleRetry();
      } else {
        // Refused (e.g. a draft the server's bounds reject): retrying the same data will
        // not help; the next change tries again. The local copy keeps the text meanwhile.
        report({ kind: "refused", message: result.message });
        if (e.queued) send();
      }
    },
    [clearMirror, report, scheduleRetry, send, writeMirror],
  );

  // The fetcher finishing: with data (the action's answer) or without (aborted).
  useEffect(() => {
    const e = engine.current;
    if (!e.inFlight || fetcher.state !== "idle") return;
    if (fetcher.data === e.lastData) {
      e.inFlight = false;
      scheduleRetry();
      return;
    }
    e.lastData = fetcher.data;
    settle(fetcher.data);
  }, [fetcher.state, fetcher.data, scheduleRetry, settle]);

  // Start: listeners; and, the first time for a scorecard, the offer of a local copy and
  // a save of anything the browser restored into the form (or typed before hydration).
  // Turning `enabled` off and on again keeps the version and the pending changes.
  useEffect(() => {
    const form = formRef.current;
    if (!enabled || !form) return;
    const e = engine.current;
    e.form = form; // refs are detached before unmount cleanups run
    if (e.startedFor !== scorecardId) {
      e.startedFor = scorecardId;
      e.tabId = newTabId();
      e.version = version;
      e.changeSeq = 0;
      e.sentSeq = 0;
      e.savedSeq = 0;
      e.pendingSince = null;
      e.stopped = false;
      e.queued = false;
      e.attempt = 0;
      e.mirrorKey = null;
      setKnownVersion(version);
      setState((previous) => (previous.kind === "idle" ? previous : { kind: "idle" }));
      setAnnouncement("");

      const storage = browserStorage();
      if (storage) {
        const current = readFormValues(form);
        const differing: LocalCopy[] = [];
        for (const copy of listLocalCopies(storage, scorecardId)) {
          if (sameValues(copy.values, current)) removeLocalCopy(storage, copy.key);
          else differing.push(copy);
        }
        const [newest, ...older] = differing;
        setOffer(newest ? { copy: newest, superseded: older, basedOnOlderVersion: newest.version < version } : null);
      }
      if (formDiffersFromDefaults(form)) onChange();
    } else if (e.changeSeq !== e.savedSeq && !e.inFlight) {
      onChange(); // re-enabled with changes pending
    }

    const onVisibility = () => {
      if (document.visibilityState !== "hidden") return;
      if (e.changeSeq !== e.savedSeq) writeMirror();
      flush();
    };
    const onPageHide = () => {
      if (e.changeSeq !== e.savedSeq) writeMirror();
      flush();
    };
    const onOnline = () => {
      if (e.retryTimer) flush();
    };
    form.addEventListener("input", onChange);
    form.addEventListener("change", onChange);
    document.addEventListener("visibilitychange", onVisibility);
    window.addEventListener("pagehide", onPageHide);
    window.addEventListener("online", onOnline);
    return () => {
      form.removeEventListener("input", onChange);
      form.removeEventListener("change", onChange);
      document.removeEventListener("visibilitychange", onVisibility);
      window.removeEventListener("pagehide", onPageHide);
      window.removeEventListener("online", onOnline);
      if (e.debounceTimer) clearTimeout(e.debounceTimer);
      if (e.retryTimer) clearTimeout(e.retryTimer);
      e.debounceTimer = null;
      e.retryTimer = null;
    };
    // `version` is deliberately read only when the scorecard changes: see UseAutosaveOptions.
  }, [enabled, scorecardId, formRef, onChange, flush, send, writeMirror]);

  // Leaving the page inside the app (unmount only, not `enabled` turning false, which may
  // mean the final submit has started): send what is pending, but only to an explicit
  // action; without one the fetcher posts to the router's current location, by now
  // another page. The fetcher outlives the component (v3_fetcherPersist); its answer is
  // not read, and the local copy stays until a later load finds it equal to the draft.
  useEffect(
    () => () => {
      const e = engine.current;
      if (e.form && options.current.action && options.current.enabled && !e.stopped && !e.inFlight && e.changeSeq !== e.savedSeq) {
        send(e.form);
      }
    },
    [send],
  );

  const localCopy: LocalCopyOffer | null = offer
    ? {
        savedAt: offer.copy.savedAt,
        basedOnOlderVersion: offer.basedOnOlderVersion,
        restore() {
          const form = formRef.current;
          if (!form) return;
          applyFormValues(form, offer.copy.values);
          dropCopies(offer);
          setOffer(null);
          onChange();
        },
        discard() {
          dropCopies(offer);
          setOffer(null);
        },
      }
    : null;

  return {
    state,
    statusText: statusTextFor(state),
    announcement,
    version: knownVersion,
    conflict: state.kind === "conflict",
    localCopy,
    saveNow: flush,
  };
}

interface PendingOffer {
  copy: LocalCopy;
  /** Older differing copies: dropped with the offered one, whatever the user decides. */
  superseded: LocalCopy[];
  basedOnOlderVersion: boolean;
}

function dropCopies({ copy, superseded }: PendingOffer) {
  const storage = browserStorage();
  if (!storage) return;
  for (const { key } of [copy, ...superseded]) removeLocalCopy(storage, key);
}

type ParsedResult =
  | { kind: "saved"; version: number }
  | { kind: "conflict" }
  | { kind: "retry" }
  | { kind: "refused"; message: string | null };

function parseResult(data: unknown): ParsedResult {
  if (typeof data !== "object" || data === null || !("ok" in data)) return { kind: "refused", message: null };
  const result = data as Record<string, unknown>;
  if (result.ok === true && typeof result.version === "number") return { kind: "saved", version: result.version };
  if (result.conflict === true) return { kind: "conflict" };
  if (result.retryable === true) return { kind: "retry" };
  return { kind: "refused", message: typeof result.message === "string" ? result.message : null };
}

function formatTime(epochMs: number): string {
  return new Date(epochMs).toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit" });
}

export function statusTextFor(state: AutosaveState): string {
  switch (state.kind) {
    case "idle":
      return "";
    case "unsaved":
      return "Unsaved changes";
    case "saving":
      return "Saving…";
    case "saved":
      return `Saved ${formatTime(state.at)}`;
    case "retrying":
      return "Save failed — retrying";
    case "conflict":
      return CONFLICT_MESSAGE;
    case "refused":
      return `Not saved${state.message ? `: ${state.message}` : ""}. Your text is kept in this browser.`;
  }
}

/** The outcomes worth interrupting a screen-reader user for; null keeps the last one. */
function announcementFor(state: AutosaveState): string | null {
  return state.kind === "saved" || state.kind === "retrying" || state.kind === "conflict" || state.kind === "refused"
    ? statusTextFor(state)
    : null;
}

/**
 * For the route's `clientAction`. A fetcher whose request fails (network down, server
 * error, an unreadable answer) hands the error to the route's ErrorBoundary, which
 * would replace the form mid-typing. For `intent=save-draft` only, this turns such
 * failures, and a thrown 503 (database unavailable), into `{ ok: false, retryable: true }`
 * (and a thrown 409 into a conflict) so the hook can retry; redirects (e.g. an expired
 * session) and other statuses still throw.
 *
 *   export async function clientAction({ request, serverAction }: ClientActionFunctionArgs) {
 *     return keepAutosaveFailuresAsData(request, () => serverAction<typeof action>());
 *   }
 */
export async function keepAutosaveFailuresAsData<T>(
  request: Request,
  serverAction: () => Promise<T>,
): Promise<T | AutosaveActionResult> {
  // Read a clone: the original body must stay unread for serverAction to send it.
  const intent = await request
    .clone()
    .formData()
    .then((formData) => formData.get("intent"))
    .catch(() => null);
  try {
    return await serverAction();
  } catch (error) {
    if (intent !== SAVE_DRAFT_INTENT || error instanceof Response) throw error;
    if (isRouteErrorResponse(error)) {
      if (error.status === 409) return { ok: false, conflict: true };
      // 503: the database is away for a moment (the server says so with a status, not a crash).
      if (error.status === 503) return { ok: false, retryable: true };
      throw error;
    }
    return { ok: false, retryable: true };
  }
}
