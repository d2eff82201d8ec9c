/**
 * The visitor WebSocket protocol: names, limits and message shapes of docs/visitor-api.md.
 *
 * The source of truth is the server's shared protocol library (protocol/visitor_message.h,
 * protocol/protocol_error.h, protocol/limits.h). protocol.test.ts checks that every name and
 * limit below equals protocol/wire_constants.json, which the library generates and its own test
 * keeps current, and that each appears in docs/visitor-api.md; so a change on either side fails
 * a test instead of silently breaking the widget.
 *
 * This module is a pure codec: no sockets, no clocks, no DOM.
 */

/** Path of the WebSocket endpoint, relative to the server that serves widget.js. */
export const VISITOR_WS_PATH = "/visitor/ws";

/** A frame larger than this is refused by the server with `too_large`. */
export const MAX_FRAME_BYTES = 16384;
/** Limit of `msg.text` and `leave_message.text`, in UTF-8 bytes. */
export const MAX_TEXT_BYTES = 4000;
/** Limit of `hello.name` (and of the leave-a-message name), in UTF-8 bytes. */
export const MAX_NAME_BYTES = 100;
/** Limit of `hello.page`, in UTF-8 bytes. */
export const MAX_PAGE_BYTES = 2048;

export const VISITOR_MESSAGE_TYPES = ["hello", "msg", "chat_state", "leave_message", "close"] as const;
export const SERVER_MESSAGE_TYPES = ["welcome", "state", "msg", "chat_state", "left_message", "error"] as const;

export const CONVERSATION_STATES = [
  "idle",
  "ringing",
  "connected",
  "waiting",
  "no_operator",
  "no_answer",
  "ended",
  "unavailable",
] as const;
export type ConversationState = (typeof CONVERSATION_STATES)[number];

/** Typing states the visitor may send. */
export const VISITOR_TYPING_STATES = ["composing", "paused"] as const;
export type VisitorTypingState = (typeof VISITOR_TYPING_STATES)[number];

/**
 * Typing states the document lists for the operator. The server relays whatever the operator's
 * client sends (NL chat clients also use `idle`, `typing`, `no_state`), so the decoder accepts any
 * short string and the widget treats only `composing` and `typing` as "is typing".
 */
export const OPERATOR_TYPING_STATES = ["composing", "paused", "active", "gone"] as const;

export const ERROR_CODES = [
  "bad_json",
  "unknown_type",
  "missing_field",
  "bad_field",
  "too_large",
  "hello_first",
  "bad_state",
  "rate_limited",
  "unavailable",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const MESSAGE_SENDERS = ["visitor", "operator"] as const;
export type MessageSender = (typeof MESSAGE_SENDERS)[number];

// Visitor → server.
export interface HelloMessage {
  type: "hello";
  token?: string;
  since?: number;
  name?: string;
  page?: string;
}
export interface SendTextMessage {
  type: "msg";
  text: string;
}
export interface VisitorChatStateMessage {
  type: "chat_state";
  state: VisitorTypingState;
}
export interface LeaveMessage {
  type: "leave_message";
  name: string;
  email?: string;
  text: string;
}
export interface CloseMessage {
  type: "close";
}
export type VisitorMessage =
  | HelloMessage
  | SendTextMessage
  | VisitorChatStateMessage
  | LeaveMessage
  | CloseMessage;

// Server → visitor.
export interface WelcomeMessage {
  type: "welcome";
  token: string;
  visitor: string;
  conversation: number;
  state: ConversationState;
  operator?: string;
}
export interface StateMessage {
  type: "state";
  state: ConversationState;
  conversation: number;
  operator?: string;
}
export interface ChatTextMessage {
  type: "msg";
  seq: number;
  from: MessageSender;
  text: string;
  ts: number;
  operator?: string;
}
export interface OperatorChatStateMessage {
  type: "chat_state";
  state: string;
}
export interface LeftMessage {
  type: "left_message";
  ok: boolean;
}
export interface ErrorMessage {
  type: "error";
  code: string;
  message: string;
}
export type ServerMessage =
  | WelcomeMessage
  | StateMessage
  | ChatTextMessage
  | OperatorChatStateMessage
  | LeftMessage
  | ErrorMessage;

const encoder = new TextEncoder();

/** Length of `text` in UTF-8 bytes, the unit of every limit in the contract. */
export function utf8Length(text: string): number {
  return encoder.encode(text).length;
}

/** Cuts `text` to at most `maxBytes` UTF-8 bytes without splitting a character. */
export function truncateUtf8(text: string, maxBytes: number): string {
  if (utf8Length(text) <= maxBytes) return text;
  let bytes = 0;
  let out = "";
  for (const ch of text) {
    const size = utf8Length(ch);
    if (bytes + size > maxBytes) break;
    bytes += size;
    out += ch;
  }
  return out;
}

/** Serializes a visitor message. Throws RangeError if the frame would exceed MAX_FRAME_BYTES. */
export function encodeVisitorMessage(message: VisitorMessage): string {
  const frame = JSON.stringify(message);
  if (utf8Length(frame) > MAX_FRAME_BYTES) {
    throw new RangeError(`frame of type ${message.type} exceeds ${MAX_FRAME_BYTES} bytes`);
  }
  return frame;
}

type Json = Record<string, unknown>;

function isString(value: unknown): value is string {
  return typeof value === "string";
}
function isCount(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 0;
}
function optionalString(value: unknown): string | undefined {
  return isString(value) && value !== "" ? value : undefined;
}
function oneOf<T extends string>(list: readonly T[], value: unknown): value is T {
  return isString(value) && (list as readonly string[]).includes(value);
}

/**
 * Parses one server frame. Returns null when the frame is not JSON, has an unknown type or lacks
 * a required field; unknown extra fields are ignored so the server may add fields freely.
 */
export function decodeServerMessage(frame: string): ServerMessage | null {
  let data: unknown;
  try {
    data = JSON.parse(frame);
  } catch {
    return null;
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) return null;
  const m = data as Json;
  switch (m.type) {
    case "welcome":
      if (!isString(m.token) || !isCount(m.conversation) || !oneOf(CONVERSATION_STATES, m.state)) return null;
      return {
        type: "welcome",
        token: m.token,
        visitor: isString(m.visitor) ? m.visitor : "",
        conversation: m.conversation,
        state: m.state,
        operator: optionalString(m.operator),
      };
    case "state":
      if (!oneOf(CONVERSATION_STATES, m.state) || !isCount(m.conversation)) return null;
      return { type: "state", state: m.state, conversation: m.conversation, operator: optionalString(m.operator) };
    case "msg":
      if (!isCount(m.seq) || m.seq < 1 || !oneOf(MESSAGE_SENDERS, m.from) || !isString(m.text)) return null;
      return {
        type: "msg",
        seq: m.seq,
        from: m.from,
        text: m.text,
        ts: typeof m.ts === "number" && Number.isFinite(m.ts) ? m.ts : 0,
        operator: optionalString(m.operator),
      };
    case "chat_state":
      if (!isString(m.state)) return null;
      return { type: "chat_state", state: m.state };
    case "left_message":
      if (typeof m.ok !== "boolean") return null;
      return { type: "left_message", ok: m.ok };
    case "error":
      if (!isString(m.code)) return null;
      return { type: "error", code: m.code, message: isString(m.message) ? m.message : "" };
    default:
      return null;
  }
}

/** Whether an operator typing state means the operator is writing. */
export function isTyping(state: string): boolean {
  return state === "composing" || state === "typing";
}

/** States in which the visitor may end the chat with `close`. */
export function isActiveState(state: ConversationState): boolean {
  return state === "ringing" || state === "connected" || state === "waiting";
}

/** States after which the widget offers the leave-a-message form. */
export function offersLeaveMessage(state: ConversationState): boolean {
  return state === "no_operator" || state === "no_answer";
}
