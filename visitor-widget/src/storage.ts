/**
 * What the widget remembers across page loads, kept in localStorage under one key per server.
 *
 * localStorage may be missing or throw (Safari private mode, storage disabled, sandboxed frames,
 * quota exceeded). Every access is guarded; when storage fails the widget keeps the values in
 * memory, so it still works for the lifetime of the page and only loses resume-after-reload.
 */

export interface StoredSession {
  /** The `token` of the last `welcome`; sent in `hello` to resume the conversation. */
  token?: string;
  /** Conversation to which `seenSeq` belongs. */
  conversation: number;
  /** Highest message seq the visitor has seen with the panel open (drives the unread badge). */
  seenSeq: number;
  /** Conversation the visitor dismissed with "start a new chat"; its messages are not shown again. */
  dismissed: number;
  /** Highest seq of the dismissed conversation, sent as `since` so the server does not replay it. */
  dismissedSeq: number;
  /** Conversation after which the visitor left a message, so a reload shows the thank-you again. */
  leftFor: number;
  /** Whether the panel was open, so a reload keeps it open. */
  open: boolean;
  /** The visitor turned desktop notifications on with the "notify me" button. */
  notify: boolean;
}

/** The subset of the Web Storage API the widget uses. */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export const EMPTY_SESSION: Readonly<StoredSession> = {
  conversation: 0,
  seenSeq: 0,
  dismissed: 0,
  dismissedSeq: 0,
  leftFor: 0,
  open: false,
  notify: false,
};

function count(value: unknown): number {
  return typeof value === "number" && Number.isInteger(value) && value >= 0 ? value : 0;
}

/** Parses a stored value; anything malformed yields the empty session rather than an exception. */
export function parseSession(raw: string | null): StoredSession {
  if (!raw) return { ...EMPTY_SESSION };
  try {
    const data: unknown = JSON.parse(raw);
    if (typeof data !== "object" || data === null) return { ...EMPTY_SESSION };
    const d = data as Record<string, unknown>;
    return {
      token: typeof d.token === "string" && d.token !== "" ? d.token : undefined,
      conversation: count(d.conversation),
      seenSeq: count(d.seenSeq),
      dismissed: count(d.dismissed),
      dismissedSeq: count(d.dismissedSeq),
      leftFor: count(d.leftFor),
      open: d.open === true,
      notify: d.notify === true,
    };
  } catch {
    return { ...EMPTY_SESSION };
  }
}

/** Returns window.localStorage, or null when the browser refuses access to it. */
export function browserStore(): KeyValueStore | null {
  try {
    const store = globalThis.localStorage;
    if (!store) return null;
    const probe = "ringdesk.probe";
    store.setItem(probe, "1");
    store.removeItem(probe);
    return store;
  } catch {
    return null;
  }
}

export class SessionStorage {
  private session: StoredSession;

  /**
   * @param store  backing store, or null to keep everything in memory
   * @param key    storage key; one per server origin so two desks on one site do not collide
   */
  constructor(
    private readonly store: KeyValueStore | null,
    private readonly key: string,
  ) {
    let raw: string | null = null;
    try {
      raw = store ? store.getItem(key) : null;
    } catch {
      raw = null;
    }
    this.session = parseSession(raw);
  }

  get(): Readonly<StoredSession> {
    return this.session;
  }

  /** Merges `changes` into the session and writes it through; write failures are ignored. */
  update(changes: Partial<StoredSession>): void {
    this.session = { ...this.session, ...changes };
    if (!this.store) return;
    try {
      this.store.setItem(this.key, JSON.stringify(this.session));
    } catch {
      // Quota exceeded or storage revoked: the in-memory copy stays correct for this page.
    }
  }
}

/** Storage key for the widget served from `serverOrigin`. */
export function storageKey(serverOrigin: string): string {
  return `ringdesk.v1@${serverOrigin}`;
}
