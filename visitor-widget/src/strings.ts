/**
 * Every piece of text the widget shows or speaks, as one table per language (lang-*.ts). A table
 * must fill every key, so the compiler finds a missing translation. Sentences that hold a name or
 * a number are functions, so each language orders its words (and forms its plurals) itself.
 *
 * Names and message texts passed in are plain strings; the view inserts the results as text only.
 */
export interface Strings {
  /** Panel title when the embed snippet sets none. */
  title: string;
  /** Greeting shown in an empty conversation when the embed snippet sets none. */
  greeting: string;

  /** Label of the launcher bubble while the panel is closed. */
  openChat: string;
  /** The same, when `count` (≥ 1) operator messages are unread. */
  openChatUnread(count: number): string;
  /** Label of the launcher bubble while the panel is open. */
  closeChat: string;
  /** Label of the × button in the header. */
  minimise: string;
  endChat: string;
  /** Label of the button that turns desktop notifications on and off. */
  notifyMe: string;
  /** Accessible name of the message list. */
  conversation: string;

  /** Accessible name of the message box. */
  messageLabel: string;
  messagePlaceholder: string;
  /** Label of the send button (an icon). */
  send: string;

  sending: string;
  notSent: string;
  retry: string;
  /** Stands in for the operator's name when the server sent none. */
  operator: string;
  /** Stands in for the operator's name in "… joined" when the server sent none. */
  anOperator: string;
  /** Header status: `name` accepted the chat. */
  joined(name: string): string;
  typing(name: string): string;
  /** What the live region says when a message from `name` arrives. */
  announce(name: string, text: string): string;

  connecting: string;
  reconnecting: string;
  messageReceived: string;
  statusIdle: string;
  statusRinging: string;
  statusWaiting: string;
  statusNoOperator: string;
  statusNoAnswer: string;
  statusEnded: string;
  statusUnavailable: string;

  newChat: string;
  chatEnded: string;
  chatUnavailable: string;
  thanks: string;

  leaveTitle: string;
  leaveIntro: string;
  leaveName: string;
  leaveEmail: string;
  leaveMessage: string;
  leaveFailed: string;

  errorTooLarge: string;
  errorRateLimited: string;
  errorBadState: string;
  errorGeneric: string;

  /** Tab title while the page is hidden and `count` new messages arrived; `title` is the page's own. */
  tabTitle(count: number, title: string): string;
  /** Title of the desktop notification for a message from `name`. */
  notificationTitle(name: string): string;
}

/** Writing direction of a language, set as `dir` on the panel. */
export type TextDirection = "ltr" | "rtl";

export interface Language {
  /** BCP 47 primary language subtag, set as `lang` on the panel. */
  code: string;
  dir: TextDirection;
  strings: Strings;
}
