/**
 * The widget's view: a bubble and a chat panel inside an open shadow root.
 *
 * The view holds no chat logic. The controller (chat.ts) hands it a ViewState and the transcript;
 * the view reports what the visitor did through ViewHandlers. Every piece of text reaches the DOM
 * through textContent or attributes, never as HTML, so nothing a visitor or operator writes can
 * become markup.
 *
 * Accessibility: the panel is a labelled dialog that takes focus when it opens and gives it back
 * to the bubble when it closes (Escape closes it); new operator messages are spoken through a live
 * region outside the panel, so they are heard even while it is closed. The message list itself is
 * not live: it re-renders entries (pending → sent) and replays a whole conversation after a reload,
 * and a screen reader would read all of that again.
 */
import type { WidgetPosition } from "./config";
import type { NotifyState } from "./notifications";
import type { Language, Strings } from "./strings";
import WIDGET_CSS from "./widget.css?raw";
import { applyAccent } from "./theme";
import type { Entry } from "./transcript";

export type PanelMode = "chat" | "leave_form" | "thanks" | "ended" | "unavailable";

export interface ViewState {
  /** Header status line ("Connecting you to an operator…", "Alice joined", …). */
  status: string;
  /** "Alice is typing…", or null. */
  typing: string | null;
  mode: PanelMode;
  /** Shows the End chat button. */
  canEnd: boolean;
  /** A short problem report (refused message, lost link), or null. */
  notice: string | null;
  /** Text shown above the "Start a new chat" button in `ended` and `thanks` modes. */
  closingText: string;
}

export interface LeaveMessageForm {
  name: string;
  email: string;
  text: string;
}

export interface ViewHandlers {
  onOpenChange(open: boolean): void;
  onSend(text: string): void;
  onInput(text: string): void;
  onEndChat(): void;
  onNewChat(): void;
  onLeaveMessage(form: LeaveMessageForm): void;
  onRetry(key: string): void;
  /** The "notify me" button was pressed (a user gesture: permission may be requested now). */
  onNotifyToggle(): void;
}

export interface ViewOptions {
  title: string;
  greeting: string;
  /** Prefills the name field of the leave-a-message form. */
  visitorName: string;
  /** CSS colour for the bubble, header and own messages; text on it turns black or white. */
  accent?: string;
  position: WidgetPosition;
  language: Language;
}

/** Live-region paragraphs kept; older ones have been read and only lengthen the DOM. */
const SPOKEN_KEPT = 3;

type Attributes = Record<string, string>;

function el<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  attributes: Attributes = {},
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

const SVG_NS = "http://www.w3.org/2000/svg";
const CHAT_ICON = "M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H8l-5 4V5a2 2 0 0 1 1-2zm3 6v2h10V9H7zm0-3v2h10V6H7zm0 6v2h7v-2H7z";
const SEND_ICON = "M2 21l21-9L2 3v7l15 2-15 2z";
const BELL_ICON = "M12 2a7 7 0 0 0-7 7v4.5L3 17v1h18v-1l-2-3.5V9a7 7 0 0 0-7-7zm-2.5 17a2.5 2.5 0 0 0 5 0z";

function icon(doc: Document, path: string): SVGSVGElement {
  const svg = doc.createElementNS(SVG_NS, "svg");
  svg.setAttribute("viewBox", "0 0 24 24");
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("focusable", "false");
  const shape = doc.createElementNS(SVG_NS, "path");
  shape.setAttribute("d", path);
  svg.appendChild(shape);
  return svg;
}

/** "14:05" as `locale` writes times. */
export function formatTime(ts: number, locale: string): string {
  return new Date(ts).toLocaleTimeString(locale, { hour: "2-digit", minute: "2-digit" });
}

export class WidgetView {
  readonly root: ShadowRoot;
  private readonly doc: Document;
  private readonly bubble: HTMLButtonElement;
  private readonly badge: HTMLSpanElement;
  private readonly panel: HTMLDivElement;
  private readonly status: HTMLParagraphElement;
  private readonly notifyButton: HTMLButtonElement;
  private readonly endButton: HTMLButtonElement;
  private readonly log: HTMLDivElement;
  private readonly intro: HTMLParagraphElement;
  private readonly typing: HTMLDivElement;
  private readonly notice: HTMLParagraphElement;
  private readonly composer: HTMLFormElement;
  private readonly input: HTMLTextAreaElement;
  private readonly leaveForm: HTMLFormElement;
  private readonly ended: HTMLDivElement;
  private readonly endedText: HTMLParagraphElement;
  private readonly spoken: HTMLDivElement;
  private readonly text: Strings;
  private readonly rendered = new Map<string, HTMLDivElement>();
  private isOpen = false;
  private unread = 0;
  private mode: PanelMode = "chat";

  constructor(
    private readonly host: HTMLElement,
    private readonly options: ViewOptions,
    private readonly handlers: ViewHandlers,
  ) {
    this.doc = host.ownerDocument;
    const doc = this.doc;
    const text = (this.text = options.language.strings);
    this.root = host.attachShadow({ mode: "open" });
    if (options.accent) applyAccent(host, options.accent);
    host.classList.toggle("left", options.position === "bottom-left");
    // The host page's direction and language say nothing about the widget's: set both everywhere.
    const langAttributes = { lang: options.language.code, dir: options.language.dir };

    const style = el(doc, "style");
    style.textContent = WIDGET_CSS;

    this.bubble = el(doc, "button", { ...langAttributes, type: "button", class: "bubble", "aria-expanded": "false", "aria-controls": "rd-panel" });
    this.bubble.appendChild(icon(doc, CHAT_ICON));
    this.badge = el(doc, "span", { class: "badge", "aria-hidden": "true" });
    this.badge.hidden = true;
    this.bubble.appendChild(this.badge);
    this.bubble.addEventListener("click", () => this.handlers.onOpenChange(!this.isOpen));

    this.panel = el(doc, "div", { ...langAttributes, id: "rd-panel", class: "panel", role: "dialog", "aria-labelledby": "rd-title" });
    this.panel.hidden = true;
    this.panel.addEventListener("keydown", (event) => {
      if (event.key === "Escape") {
        event.stopPropagation();
        this.handlers.onOpenChange(false);
      }
    });

    const header = el(doc, "div", { class: "header" });
    const heading = el(doc, "div", { class: "heading" });
    heading.appendChild(el(doc, "h2", { id: "rd-title", class: "title" }, options.title));
    this.status = el(doc, "p", { class: "status", role: "status" });
    heading.appendChild(this.status);
    this.notifyButton = el(doc, "button", { type: "button", class: "notify", "aria-pressed": "false", "aria-label": text.notifyMe, title: text.notifyMe });
    this.notifyButton.appendChild(icon(doc, BELL_ICON));
    this.notifyButton.hidden = true;
    this.notifyButton.addEventListener("click", () => this.handlers.onNotifyToggle());
    this.endButton = el(doc, "button", { type: "button", class: "end" }, text.endChat);
    this.endButton.addEventListener("click", () => this.handlers.onEndChat());
    const minimise = el(doc, "button", { type: "button", class: "minimise", "aria-label": text.minimise, title: text.minimise }, "\u00d7");
    minimise.addEventListener("click", () => this.handlers.onOpenChange(false));
    header.append(heading, this.notifyButton, this.endButton, minimise);

    this.log = el(doc, "div", { class: "log", role: "log", "aria-live": "off", "aria-label": text.conversation, tabindex: "0" });
    this.intro = el(doc, "p", { class: "intro" }, options.greeting);
    this.log.appendChild(this.intro);
    this.typing = el(doc, "div", { class: "typing", "aria-live": "polite" });
    this.notice = el(doc, "p", { class: "notice", role: "alert" });
    this.notice.hidden = true;

    this.composer = this.buildComposer();
    this.input = this.composer.querySelector("textarea") as HTMLTextAreaElement;
    this.leaveForm = this.buildLeaveForm();
    this.ended = el(doc, "div", { class: "ended" });
    this.endedText = el(doc, "p");
    const newChat = el(doc, "button", { type: "button", class: "primary new-chat" }, text.newChat);
    newChat.addEventListener("click", () => this.handlers.onNewChat());
    this.ended.append(this.endedText, newChat);
    this.ended.hidden = true;

    this.panel.append(header, this.log, this.typing, this.notice, this.composer, this.leaveForm, this.ended);
    this.spoken = el(doc, "div", { ...langAttributes, class: "sr-only", "aria-live": "polite" });
    this.root.append(style, this.panel, this.bubble, this.spoken);
    this.setUnread(0);
  }

  private buildComposer(): HTMLFormElement {
    const doc = this.doc;
    const form = el(doc, "form", { class: "composer" });
    const text = this.text;
    const input = el(doc, "textarea", { rows: "1", "aria-label": text.messageLabel, placeholder: text.messagePlaceholder });
    const send = el(doc, "button", { type: "submit", class: "send", "aria-label": text.send, title: text.send });
    send.appendChild(icon(doc, SEND_ICON));
    form.append(input, send);
    const submit = () => {
      const text = input.value;
      if (text.trim() === "") return;
      this.handlers.onSend(text);
    };
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      submit();
    });
    input.addEventListener("keydown", (event) => {
      // Enter sends, Shift+Enter is a newline; Enter that confirms an IME composition is neither.
      if (event.key !== "Enter" || event.shiftKey || event.isComposing) return;
      event.preventDefault();
      submit();
    });
    input.addEventListener("input", () => {
      this.autosize();
      this.handlers.onInput(input.value);
    });
    return form;
  }

  private buildLeaveForm(): HTMLFormElement {
    const doc = this.doc;
    const s = this.text;
    const form = el(doc, "form", { class: "leave", "aria-label": s.leaveTitle });
    form.hidden = true;
    const field = (label: string, control: HTMLInputElement | HTMLTextAreaElement) => {
      const wrapper = el(doc, "label", {}, label);
      wrapper.appendChild(control);
      return wrapper;
    };
    const name = el(doc, "input", { name: "name", type: "text", required: "", autocomplete: "name", maxlength: "100" });
    name.value = this.options.visitorName;
    const email = el(doc, "input", { name: "email", type: "email", autocomplete: "email", maxlength: "254" });
    const text = el(doc, "textarea", { name: "text", required: "", maxlength: "4000" });
    const submit = el(doc, "button", { type: "submit", class: "primary" }, s.send);
    form.append(
      el(doc, "p", {}, s.leaveIntro),
      field(s.leaveName, name),
      field(s.leaveEmail, email),
      field(s.leaveMessage, text),
      submit,
    );
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      if (name.value.trim() === "" || text.value.trim() === "") return;
      this.handlers.onLeaveMessage({ name: name.value.trim(), email: email.value.trim(), text: text.value });
    });
    return form;
  }

  /** Prefills the leave-a-message text (with what the visitor already wrote). */
  prefillLeaveMessage(text: string): void {
    const box = this.leaveForm.querySelector("textarea");
    if (box && box.value === "") box.value = text;
  }

  get open(): boolean {
    return this.isOpen;
  }

  /** Shows or hides the panel; moves focus into it on open and back to the bubble on close. */
  setOpen(open: boolean, moveFocus = true): void {
    this.isOpen = open;
    this.panel.hidden = !open;
    this.host.classList.toggle("open", open);
    this.bubble.setAttribute("aria-expanded", String(open));
    this.updateBubbleLabel();
    if (!moveFocus) return;
    if (open) {
      this.scrollToEnd();
      this.focusFirst();
    } else {
      this.bubble.focus();
    }
  }

  setUnread(count: number): void {
    this.unread = count;
    this.badge.hidden = count === 0;
    this.badge.textContent = count > 99 ? "99+" : String(count);
    this.updateBubbleLabel();
  }

  private updateBubbleLabel(): void {
    const s = this.text;
    const label = this.isOpen ? s.closeChat : this.unread > 0 ? s.openChatUnread(this.unread) : s.openChat;
    this.bubble.setAttribute("aria-label", label);
    this.bubble.title = label;
  }

  /** Shows the "notify me" button unless notifications are impossible here; pressed when on. */
  setNotifyState(state: NotifyState): void {
    this.notifyButton.hidden = state === "unsupported" || state === "blocked";
    this.notifyButton.setAttribute("aria-pressed", String(state === "on"));
  }

  /** Has screen readers speak `text` politely, whether the panel is open or not. */
  announce(text: string): void {
    this.spoken.appendChild(el(this.doc, "p", {}, text));
    while (this.spoken.childElementCount > SPOKEN_KEPT) this.spoken.firstElementChild?.remove();
  }

  render(state: ViewState): void {
    this.status.textContent = state.status;
    this.typing.textContent = state.typing ?? "";
    this.notice.textContent = state.notice ?? "";
    this.notice.hidden = state.notice === null;
    this.endButton.hidden = !state.canEnd;
    const modeChanged = state.mode !== this.mode;
    this.mode = state.mode;
    this.composer.hidden = state.mode !== "chat";
    this.leaveForm.hidden = state.mode !== "leave_form";
    this.ended.hidden = !(state.mode === "ended" || state.mode === "thanks" || state.mode === "unavailable");
    this.endedText.textContent = state.closingText;
    const newChat = this.ended.querySelector("button");
    if (newChat) newChat.hidden = state.mode === "unavailable";
    // Focus follows the part of the panel that just appeared, unless the visitor is elsewhere.
    if (modeChanged && this.isOpen && this.focusIsInside()) this.focusFirst();
  }

  clearInput(): void {
    this.input.value = "";
    this.autosize();
  }

  /** Brings the DOM in line with `entries`, reusing elements so screen readers only hear new ones. */
  syncTranscript(entries: readonly Entry[]): void {
    const wanted = new Set(entries.map((entry) => entry.key));
    for (const [key, node] of this.rendered) {
      if (!wanted.has(key)) {
        node.remove();
        this.rendered.delete(key);
      }
    }
    const nearEnd = this.log.scrollHeight - this.log.scrollTop - this.log.clientHeight < 60;
    let cursor: ChildNode | null = this.intro.nextSibling;
    for (const entry of entries) {
      let node = this.rendered.get(entry.key);
      if (!node) {
        node = el(this.doc, "div");
        this.rendered.set(entry.key, node);
      }
      this.fillEntry(node, entry);
      if (node !== cursor) this.log.insertBefore(node, cursor);
      cursor = node.nextSibling;
    }
    this.intro.hidden = entries.length > 0;
    if (nearEnd) this.scrollToEnd();
  }

  private fillEntry(node: HTMLDivElement, entry: Entry): void {
    const signature = `${entry.status}|${entry.seq}|${entry.ts}|${entry.text}`;
    if (node.dataset.signature === signature) return;
    node.dataset.signature = signature;
    node.dataset.key = entry.key;
    node.className = `msg ${entry.from} ${entry.status}`;
    if (entry.seq !== null) node.dataset.seq = String(entry.seq);
    const text = el(this.doc, "p", { class: "text" }, entry.text);
    const meta = el(this.doc, "div", { class: "meta" });
    const s = this.text;
    if (entry.status === "pending") {
      meta.textContent = s.sending;
    } else if (entry.status === "failed") {
      meta.textContent = s.notSent;
      const retry = el(this.doc, "button", { type: "button" }, s.retry);
      retry.addEventListener("click", () => this.handlers.onRetry(entry.key));
      meta.appendChild(retry);
    } else {
      // <bdi>: a Latin name in an Arabic line (or the reverse) must not pull the time into its run.
      if (entry.from === "operator") meta.append(el(this.doc, "bdi", {}, entry.operator ?? s.operator), " · ");
      const time = el(this.doc, "time", { datetime: new Date(entry.ts).toISOString() }, formatTime(entry.ts, this.options.language.code));
      meta.appendChild(time);
    }
    node.replaceChildren(text, meta);
  }

  private scrollToEnd(): void {
    this.log.scrollTop = this.log.scrollHeight;
  }

  private autosize(): void {
    this.input.style.height = "auto";
    this.input.style.height = `${Math.min(this.input.scrollHeight, 120)}px`;
  }

  private focusIsInside(): boolean {
    const active = this.root.activeElement;
    return active === null || this.panel.contains(active);
  }

  private focusFirst(): void {
    let target: HTMLElement | null = null;
    if (this.mode === "chat") target = this.input;
    else if (this.mode === "leave_form") {
      const fields = [...this.leaveForm.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>("input, textarea")];
      target = fields.find((field) => field.value === "") ?? fields[0] ?? null;
    }
    else target = this.ended.querySelector<HTMLElement>("button:not([hidden])");
    (target ?? this.panel.querySelector<HTMLElement>(".minimise"))?.focus();
  }
}
