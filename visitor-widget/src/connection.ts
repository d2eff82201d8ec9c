/**
 * The widget's WebSocket link to ringdesk-server: connects, says `hello`, and reconnects with
 * exponential backoff whenever the socket drops.
 *
 * Every (re)connection starts with a `hello` built by the caller at that moment, so it carries the
 * current token and the highest seq already shown; the server then sends again every message the
 * widget missed (docs/visitor-api.md, `hello`). Messages the widget wants to send while the link is
 * down are queued and flushed after the next `welcome`, because the server refuses anything before
 * `hello` has been answered (`hello_first`).
 *
 * Socket creation and timers are injected so tests drive reconnects without real waits.
 */
import {
  decodeServerMessage,
  encodeVisitorMessage,
  type HelloMessage,
  type ServerMessage,
  type VisitorMessage,
} from "./protocol";

/** The part of the browser WebSocket the connection uses (the `ws` package matches it too). */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: unknown) => void) | null;
  onerror: ((event: unknown) => void) | null;
}

export type SocketFactory = (url: string) => SocketLike;

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface BackoffOptions {
  /** Delay before the first reconnect attempt, in ms. */
  initialMs: number;
  /** Upper bound of the delay, in ms. */
  maxMs: number;
  /** Growth factor per failed attempt. */
  factor: number;
}

/** `connecting`: no welcome yet; `online`: welcome received; `offline`: waiting to retry. */
export type LinkStatus = "connecting" | "online" | "offline";

export interface ConnectionOptions {
  url: string;
  /** Builds the `hello` for each new socket. */
  hello: () => HelloMessage;
  onMessage: (message: ServerMessage) => void;
  onStatus: (status: LinkStatus) => void;
  createSocket?: SocketFactory;
  timers?: Timers;
  backoff?: BackoffOptions;
  /** Returns a number in [0, 1); jitter spreads reconnects of many visitors after a restart. */
  random?: () => number;
  /** A socket that has not brought a `welcome` within this many ms is dropped and retried. */
  welcomeTimeoutMs?: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { initialMs: 500, maxMs: 30000, factor: 2 };
export const DEFAULT_WELCOME_TIMEOUT_MS = 15000;

const OPEN = 1;

/**
 * Delay before reconnect attempt number `attempt` (0-based): exponential growth capped at maxMs,
 * then scaled into [50 %, 100 %] by `random`.
 */
export function backoffDelay(attempt: number, options: BackoffOptions, random: number): number {
  const raw = Math.min(options.maxMs, options.initialMs * Math.pow(options.factor, attempt));
  return Math.round(raw * (0.5 + random * 0.5));
}

const browserTimers: Timers = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class Connection {
  private socket: SocketLike | null = null;
  private welcomed = false;
  private attempt = 0;
  private retryTimer: unknown = null;
  private welcomeTimer: unknown = null;
  private stopped = true;
  private queue: VisitorMessage[] = [];
  private readonly createSocket: SocketFactory;
  private readonly timers: Timers;
  private readonly backoff: BackoffOptions;
  private readonly random: () => number;

  constructor(private readonly options: ConnectionOptions) {
    this.createSocket = options.createSocket ?? ((url) => new WebSocket(url) as unknown as SocketLike);
    this.timers = options.timers ?? browserTimers;
    this.backoff = options.backoff ?? DEFAULT_BACKOFF;
    this.random = options.random ?? Math.random;
  }

  /** True once the current socket has received `welcome`. */
  get online(): boolean {
    return this.welcomed;
  }

  /** Opens the link; does nothing if it is already running. */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.open();
  }

  /** Closes the link for good (until start()); queued messages are dropped. */
  stop(): void {
    this.stopped = true;
    this.queue = [];
    this.cancelRetry();
    this.dropSocket();
  }

  /**
   * Drops the current socket and connects again at once, with a fresh `hello`. Used when the
   * widget's view of the conversation is stale and it needs the server to replay from a new `since`.
   */
  restart(): void {
    if (this.stopped) return;
    this.cancelRetry();
    this.dropSocket();
    this.open();
  }

  /** Skips the remaining backoff (for example when the browser reports it is online again). */
  retryNow(): void {
    if (this.stopped || this.socket) return;
    this.cancelRetry();
    this.open();
  }

  /**
   * Sends `message` now if the link is online. Otherwise, if `queue` is true, keeps it until the
   * next `welcome`; if false (typing states, which are worthless later) drops it.
   * @returns true if the message was sent or queued
   */
  send(message: VisitorMessage, queue = true): boolean {
    if (this.welcomed && this.socket && this.socket.readyState === OPEN) {
      this.socket.send(encodeVisitorMessage(message));
      return true;
    }
    if (!queue || this.stopped) return false;
    this.queue.push(message);
    return true;
  }

  private open(): void {
    this.welcomed = false;
    this.options.onStatus("connecting");
    let socket: SocketLike;
    try {
      socket = this.createSocket(this.options.url);
    } catch {
      // A malformed URL or a blocked scheme throws synchronously; treat it like a failed attempt.
      this.scheduleRetry();
      return;
    }
    this.socket = socket;
    // Half-open TCP connections and stalled proxies never fail on their own; give up on them.
    this.welcomeTimer = this.timers.setTimeout(() => {
      this.welcomeTimer = null;
      if (this.socket !== socket || this.welcomed) return;
      this.dropSocket();
      this.scheduleRetry();
    }, this.options.welcomeTimeoutMs ?? DEFAULT_WELCOME_TIMEOUT_MS);
    socket.onopen = () => {
      if (this.socket !== socket) return;
      socket.send(encodeVisitorMessage(this.options.hello()));
    };
    socket.onmessage = (event) => {
      if (this.socket !== socket || typeof event.data !== "string") return;
      const message = decodeServerMessage(event.data);
      if (message) this.receive(message);
    };
    socket.onerror = () => {
      // Browsers follow an error with close; the retry is scheduled there.
    };
    socket.onclose = () => {
      if (this.socket !== socket) return;
      this.cancelWelcomeTimer();
      this.socket = null;
      this.welcomed = false;
      if (!this.stopped) this.scheduleRetry();
    };
  }

  private receive(message: ServerMessage): void {
    if (message.type === "welcome") {
      this.cancelWelcomeTimer();
      this.welcomed = true;
      this.attempt = 0;
      this.options.onStatus("online");
      // The application learns the new token and state before queued messages go out.
      this.options.onMessage(message);
      this.flush();
      return;
    }
    this.options.onMessage(message);
  }

  private flush(): void {
    const pending = this.queue;
    this.queue = [];
    for (const message of pending) this.send(message);
  }

  private scheduleRetry(): void {
    this.options.onStatus("offline");
    const delay = backoffDelay(this.attempt, this.backoff, this.random());
    this.attempt += 1;
    this.retryTimer = this.timers.setTimeout(() => {
      this.retryTimer = null;
      if (!this.stopped) this.open();
    }, delay);
  }

  private cancelWelcomeTimer(): void {
    if (this.welcomeTimer !== null) this.timers.clearTimeout(this.welcomeTimer);
    this.welcomeTimer = null;
  }

  private cancelRetry(): void {
    if (this.retryTimer !== null) this.timers.clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  private dropSocket(): void {
    this.cancelWelcomeTimer();
    const socket = this.socket;
    this.socket = null;
    this.welcomed = false;
    if (!socket) return;
    socket.onopen = socket.onmessage = socket.onclose = socket.onerror = null;
    try {
      socket.close(1000, "client closing");
    } catch {
      // Closing a socket that is still connecting can throw in some browsers; it is abandoned anyway.
    }
  }
}
