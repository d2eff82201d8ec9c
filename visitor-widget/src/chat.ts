/**
 * The widget's controller: turns server messages into view state and visitor actions into
 * protocol messages. It owns the conversation state; connection.ts owns the socket, transcript.ts
 * the messages, storage.ts what survives a reload, ui.ts the DOM.
 */
import type { WidgetPosition } from "./config";
import { Connection, type LinkStatus, type SocketFactory, type Timers } from "./connection";
import { DesktopNotifier, type NotificationApi } from "./notifications";
import {
  isActiveState,
  isTyping,
  MAX_NAME_BYTES,
  MAX_PAGE_BYTES,
  MAX_TEXT_BYTES,
  offersLeaveMessage,
  truncateUtf8,
  utf8Length,
  type ConversationState,
  type HelloMessage,
  type ServerMessage,
  type VisitorTypingState,
} from "./protocol";
import type { SessionStorage } from "./storage";
import type { Language, Strings } from "./strings";
import { TitleBadge } from "./title-badge";
import { Transcript } from "./transcript";
import { TypingNotifier } from "./typing";
import { WidgetView, type LeaveMessageForm, type PanelMode } from "./ui";

export interface ChatOptions {
  /** ws:// or wss:// URL of the visitor endpoint. */
  wsUrl: string;
  /** Panel title; the language's default when absent. */
  title?: string;
  /** Shown in an empty conversation; the language's default when absent. */
  greeting?: string;
  /** Visitor name from data-name; sent in `hello` and prefilled in the form. */
  visitorName: string;
  /** The page the visitor is on, sent in `hello`. */
  page: string;
  accent?: string;
  position: WidgetPosition;
  language: Language;
  storage: SessionStorage;
  /** The Notification API; none means no "notify me" button. */
  notifications?: NotificationApi;
  createSocket?: SocketFactory;
  timers?: Timers;
  backoff?: { initialMs: number; maxMs: number; factor: number };
  now?: () => number;
  /** How long after a reconnect an unconfirmed message is declared lost (default REPLAY_GRACE_MS). */
  replayGraceMs?: number;
}

/** The visitor's words for an `error` code; codes a visitor cannot act on get the generic text. */
function errorText(code: string, s: Strings): string {
  switch (code) {
    case "too_large":
      return s.errorTooLarge;
    case "rate_limited":
      return s.errorRateLimited;
    case "bad_state":
      return s.errorBadState;
    case "unavailable":
      return s.chatUnavailable;
    default:
      return s.errorGeneric;
  }
}

/**
 * After a reconnect the server replays what it stored right behind `welcome`. A message sent on the
 * lost socket that has no echo by then never reached the server; it is marked "not sent" (with a
 * Retry button) rather than sent again blindly, which could store it twice.
 */
export const REPLAY_GRACE_MS = 3000;

/** Closed states a "start a new chat" click leaves behind. */
const CLOSED_STATES: readonly ConversationState[] = ["ended", "no_operator", "no_answer"];

export class ChatController {
  private readonly view: WidgetView;
  private readonly connection: Connection;
  private readonly transcript = new Transcript();
  private readonly typing: TypingNotifier;
  private readonly now: () => number;
  private readonly text: Strings;
  private readonly titleBadge: TitleBadge;
  private readonly notifier: DesktopNotifier;
  private readonly doc: Document;
  private started = false;
  private link: LinkStatus | "idle" = "idle";
  private everOnline = false;
  private state: ConversationState = "idle";
  /** The server's current conversation for this visitor (0 = none yet). */
  private conversation = 0;
  private operator = "";
  private operatorTyping = false;
  private notice: string | null = null;
  /** "start a new chat" was clicked and no new state has arrived since. */
  private freshStart = false;
  private leaveStatus: "none" | "sending" | "sent" = "none";
  private sinceSent = 0;
  /** The last welcome answered a `since` meant for another conversation: ask again from 0. */
  private fullReplay = false;
  private unread = 0;
  private readonly timers: Timers;
  /** Counts welcomes: one per socket that reached the server. */
  private generation = 0;
  /** Unconfirmed messages → the generation whose socket carried them (-1: queued, not sent yet). */
  private readonly sentIn = new Map<string, number>();

  constructor(
    host: HTMLElement,
    private readonly options: ChatOptions,
  ) {
    this.now = options.now ?? Date.now;
    this.text = options.language.strings;
    this.doc = host.ownerDocument;
    this.titleBadge = new TitleBadge(this.doc, this.text.tabTitle);
    this.notifier = new DesktopNotifier(options.notifications, options.storage.get().notify, (notify) =>
      options.storage.update({ notify }),
    );
    const timers: Timers = options.timers ?? {
      setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
      clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
    };
    this.timers = timers;
    this.view = new WidgetView(
      host,
      {
        title: options.title ?? this.text.title,
        greeting: options.greeting ?? this.text.greeting,
        visitorName: options.visitorName,
        accent: options.accent,
        position: options.position,
        language: options.language,
      },
      {
        onOpenChange: (open) => this.setOpen(open),
        onSend: (text) => this.sendText(text),
        onInput: (text) => (text === "" ? this.typing.stop() : this.typing.input()),
        onEndChat: () => this.endChat(),
        onNewChat: () => this.newChat(),
        onLeaveMessage: (form) => this.leaveMessage(form),
        onRetry: (key) => this.retry(key),
        onNotifyToggle: () => void this.notifier.toggle().then((state) => this.view.setNotifyState(state)),
      },
    );
    this.connection = new Connection({
      url: options.wsUrl,
      hello: () => this.hello(),
      onMessage: (message) => this.receive(message),
      onStatus: (status) => {
        this.link = status;
        if (status === "online") this.everOnline = true;
        this.render();
      },
      createSocket: options.createSocket,
      timers,
      backoff: options.backoff,
    });
    this.typing = new TypingNotifier((state) => this.sendTyping(state), timers);
    this.view.setNotifyState(this.notifier.state);
  }

  get shadowRoot(): ShadowRoot {
    return this.view.root;
  }

  /**
   * Shows the widget. A visitor with a stored token reconnects at once (to restore the transcript
   * and the unread badge); anybody else connects when they first open the panel, so a page view
   * without a chat costs the server nothing.
   */
  start(): void {
    const stored = this.options.storage.get();
    if (stored.open) this.view.setOpen(true, false);
    if (stored.token || stored.open) this.connect();
    this.render();
  }

  /** Stops the link for good (the widget is being removed). */
  stop(): void {
    this.connection.stop();
    this.typing.reset();
    this.titleBadge.stop();
  }

  /** The browser is online again: skip the rest of the reconnect backoff. */
  networkUp(): void {
    this.connection.retryNow();
  }

  private connect(): void {
    if (this.started) return;
    this.started = true;
    this.connection.start();
  }

  private hello(): HelloMessage {
    const stored = this.options.storage.get();
    this.sinceSent = this.fullReplay ? 0 : this.sinceFor(stored.dismissed, stored.dismissedSeq);
    const hello: HelloMessage = { type: "hello", since: this.sinceSent, page: truncateUtf8(this.options.page, MAX_PAGE_BYTES) };
    if (stored.token) hello.token = stored.token;
    if (this.options.visitorName) hello.name = truncateUtf8(this.options.visitorName, MAX_NAME_BYTES);
    return hello;
  }

  /**
   * `since` for the next hello: what the transcript already holds, or, with nothing on screen after
   * "start a new chat", the end of the dismissed conversation so it is not replayed.
   */
  private sinceFor(dismissed: number, dismissedSeq: number): number {
    if (this.transcript.conversation !== 0) return this.transcript.maxSeq();
    return dismissed !== 0 ? dismissedSeq : 0;
  }

  /** Which conversation `since` in the last hello referred to. */
  private expectedConversation(): number {
    return this.transcript.conversation !== 0 ? this.transcript.conversation : this.options.storage.get().dismissed;
  }

  /** Attaches the transcript to the server's conversation, unless that one was dismissed. */
  private follow(conversation: number): void {
    if (conversation === 0 || conversation === this.options.storage.get().dismissed) return;
    this.transcript.assign(conversation);
  }

  private receive(message: ServerMessage): void {
    switch (message.type) {
      case "welcome":
        this.options.storage.update({ token: message.token });
        if (this.sinceSent > 0 && message.conversation !== this.expectedConversation()) {
          // Our `since` counted messages of another conversation (another tab started a new one
          // while this one was offline): reconnect and have this one replayed from the start.
          this.fullReplay = true;
          this.connection.restart();
          return;
        }
        this.fullReplay = false;
        this.startGeneration();
        if (message.conversation !== this.conversation) this.leaveStatus = "none";
        this.conversation = message.conversation;
        this.follow(message.conversation);
        this.applyState(message.state, message.operator);
        break;
      case "state":
        this.freshStart = false;
        if (message.conversation !== 0 && message.conversation !== this.conversation) {
          this.conversation = message.conversation;
          this.leaveStatus = "none";
        }
        this.follow(message.conversation);
        this.applyState(message.state, message.operator);
        break;
      case "msg":
        this.receiveText(message);
        break;
      case "chat_state":
        this.operatorTyping = isTyping(message.state);
        break;
      case "left_message":
        this.leaveStatus = message.ok ? "sent" : "none";
        if (message.ok && this.conversation !== 0) this.options.storage.update({ leftFor: this.conversation });
        this.notice = message.ok ? null : this.text.leaveFailed;
        break;
      case "error":
        this.receiveError(message.code);
        break;
    }
    this.view.syncTranscript(this.transcript.entries);
    this.render();
  }

  /** A new socket was welcomed: queued messages go out on it; older unconfirmed ones get a deadline. */
  private startGeneration(): void {
    this.generation += 1;
    const generation = this.generation;
    let stale = false;
    for (const [key, sentIn] of this.sentIn) {
      if (sentIn === -1) this.sentIn.set(key, generation);
      else stale = true;
    }
    if (!stale) return;
    this.timers.setTimeout(() => {
      let failed = false;
      for (const entry of this.transcript.entries) {
        const sentIn = this.sentIn.get(entry.key);
        if (entry.status === "pending" && sentIn !== undefined && sentIn < generation) {
          entry.status = "failed";
          this.sentIn.delete(entry.key);
          failed = true;
        }
      }
      if (!failed) return;
      this.view.syncTranscript(this.transcript.entries);
      this.render();
    }, this.options.replayGraceMs ?? REPLAY_GRACE_MS);
  }

  /** Sends a visitor message and remembers which socket carried it. */
  private transmit(key: string, text: string): void {
    const online = this.connection.online;
    this.connection.send({ type: "msg", text });
    this.sentIn.set(key, online ? this.generation : -1);
  }

  private applyState(state: ConversationState, operator?: string): void {
    if (state !== this.state) this.notice = null;
    // After a reload: the form of this conversation was already sent.
    if (offersLeaveMessage(state) && this.conversation !== 0 && this.conversation === this.options.storage.get().leftFor) {
      this.leaveStatus = "sent";
    }
    this.state = state;
    if (operator) this.operator = operator;
    if (state !== "connected") {
      this.operatorTyping = false;
      this.typing.reset();
    }
    if (offersLeaveMessage(state)) {
      const written = this.transcript.entries.filter((entry) => entry.from === "visitor").map((entry) => entry.text);
      this.view.prefillLeaveMessage(written.join("\n"));
    }
  }

  private receiveText(message: Extract<ServerMessage, { type: "msg" }>): void {
    const result = this.transcript.apply(message);
    if (!result) return;
    if (result.confirmed) this.sentIn.delete(result.entry.key);
    if (message.from !== "operator") return;
    this.operatorTyping = false;
    if (message.operator) this.operator = message.operator;
    // New to this visitor: not a replay of something seen before a reload.
    const fresh = result.added && message.seq > this.seenSeq();
    if (this.view.open) {
      this.markSeen();
    } else if (fresh) {
      this.unread += 1;
      this.view.setUnread(this.unread);
    }
    if (fresh) this.alert(message.operator || this.operator || this.text.operator, message.text);
  }

  /** Tells the visitor about an operator message: spoken, and in the tab title and a notification while away. */
  private alert(name: string, text: string): void {
    this.view.announce(this.text.announce(name, text));
    if (this.doc.visibilityState !== "hidden") return;
    this.titleBadge.add();
    const { code, dir } = this.options.language;
    this.notifier.show(this.text.notificationTitle(name), text, code, dir, () => this.setOpen(true));
  }

  private receiveError(code: string): void {
    this.notice = errorText(code, this.text);
    if (this.leaveStatus === "sending") {
      this.leaveStatus = "none";
      return;
    }
    if (code === "unavailable") this.state = "unavailable";
    if (code === "bad_json" || code === "unknown_type") return;
    const failed = this.transcript.failOldestPending();
    if (failed) this.sentIn.delete(failed.key);
  }

  private seenSeq(): number {
    const stored = this.options.storage.get();
    return stored.conversation === this.transcript.conversation ? stored.seenSeq : 0;
  }

  private markSeen(): void {
    this.unread = 0;
    this.view.setUnread(0);
    // Never lower it: during a replay after a reload the transcript is still short of what was seen.
    const seenSeq = Math.max(this.seenSeq(), this.transcript.maxSeq());
    this.options.storage.update({ conversation: this.transcript.conversation, seenSeq });
  }

  private setOpen(open: boolean): void {
    this.view.setOpen(open);
    this.options.storage.update({ open });
    if (open) {
      this.connect();
      this.markSeen();
    }
    this.render();
  }

  private sendText(raw: string): void {
    const text = raw.trim();
    if (text === "") return;
    if (utf8Length(text) > MAX_TEXT_BYTES) {
      this.notice = this.text.errorTooLarge;
      this.render();
      return;
    }
    this.connect();
    this.notice = null;
    const entry = this.transcript.addPending(text, this.now());
    this.transmit(entry.key, text);
    this.typing.stop();
    this.view.clearInput();
    this.view.syncTranscript(this.transcript.entries);
    this.render();
  }

  private retry(key: string): void {
    const entry = this.transcript.retry(key);
    if (!entry) return;
    this.notice = null;
    this.transmit(entry.key, entry.text);
    this.view.syncTranscript(this.transcript.entries);
    this.render();
  }

  private sendTyping(state: VisitorTypingState): void {
    // Typing states only mean something to an operator who has the chat.
    if (this.state === "connected") this.connection.send({ type: "chat_state", state }, false);
  }

  private endChat(): void {
    this.typing.reset();
    this.connection.send({ type: "close" });
  }

  private newChat(): void {
    this.freshStart = true;
    this.leaveStatus = "none";
    this.notice = null;
    if (this.conversation !== 0) {
      this.options.storage.update({ dismissed: this.conversation, dismissedSeq: this.transcript.maxSeq() });
    }
    this.transcript.clear();
    this.sentIn.clear();
    this.view.syncTranscript(this.transcript.entries);
    this.render();
  }

  private leaveMessage(form: LeaveMessageForm): void {
    const text = form.text.trim();
    if (utf8Length(text) > MAX_TEXT_BYTES) {
      this.notice = this.text.errorTooLarge;
      this.render();
      return;
    }
    this.connect();
    this.leaveStatus = "sending";
    this.notice = null;
    const message = { type: "leave_message" as const, name: truncateUtf8(form.name, MAX_NAME_BYTES), text };
    this.connection.send(form.email ? { ...message, email: form.email } : message);
    this.render();
  }

  /** The conversation on screen was put aside with "start a new chat". */
  private isDismissed(): boolean {
    if (this.freshStart) return true;
    return this.conversation !== 0 && this.conversation === this.options.storage.get().dismissed;
  }

  /** State as the visitor should see it: a dismissed closed conversation looks like a fresh start. */
  private visibleState(): ConversationState {
    if (this.isDismissed() && CLOSED_STATES.includes(this.state)) return "idle";
    return this.state;
  }

  private render(): void {
    const s = this.text;
    const state = this.visibleState();
    const online = this.link === "online";
    this.view.render({
      status: !online
        ? this.everOnline
          ? s.reconnecting
          : s.connecting
        : this.leaveStatus === "sent"
          ? s.messageReceived
          : this.statusText(state),
      typing: online && state === "connected" && this.operatorTyping ? s.typing(this.operator || s.operator) : null,
      mode: this.mode(state),
      canEnd: online && isActiveState(state),
      notice: this.notice,
      closingText: this.closingText(state),
    });
  }

  private statusText(state: ConversationState): string {
    const s = this.text;
    switch (state) {
      case "idle":
        return s.statusIdle;
      case "ringing":
        return s.statusRinging;
      case "connected":
        return s.joined(this.operator || s.anOperator);
      case "waiting":
        return s.statusWaiting;
      case "no_operator":
        return s.statusNoOperator;
      case "no_answer":
        return s.statusNoAnswer;
      case "ended":
        return s.statusEnded;
      case "unavailable":
        return s.statusUnavailable;
    }
  }

  private mode(state: ConversationState): PanelMode {
    if (this.leaveStatus === "sent") return "thanks";
    if (state === "ended") return "ended";
    if (state === "unavailable") return "unavailable";
    if (offersLeaveMessage(state)) return "leave_form";
    return "chat";
  }

  private closingText(state: ConversationState): string {
    if (this.leaveStatus === "sent") return this.text.thanks;
    if (state === "unavailable") return this.text.chatUnavailable;
    return this.text.chatEnded;
  }
}
