import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  CONVERSATION_STATES,
  decodeServerMessage,
  encodeVisitorMessage,
  ERROR_CODES,
  MAX_FRAME_BYTES,
  MAX_NAME_BYTES,
  MAX_PAGE_BYTES,
  MAX_TEXT_BYTES,
  MESSAGE_SENDERS,
  OPERATOR_TYPING_STATES,
  SERVER_MESSAGE_TYPES,
  truncateUtf8,
  utf8Length,
  VISITOR_MESSAGE_TYPES,
  VISITOR_TYPING_STATES,
  VISITOR_WS_PATH,
} from "./protocol";

const repo = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));
const doc = readFileSync(repo("docs/visitor-api.md"), "utf8");
// The document groups digits with spaces ("16 384"); compare numbers without them.
const docDigits = doc.replace(/(\d)[\s\u00a0\u202f](?=\d{3}\b)/g, "$1");

// Names the shared C++ library defines; operator typing states are only relayed by the server.
const CODEC_NAMES = [
  ...VISITOR_MESSAGE_TYPES,
  ...SERVER_MESSAGE_TYPES,
  ...CONVERSATION_STATES,
  ...ERROR_CODES,
  ...VISITOR_TYPING_STATES,
  ...MESSAGE_SENDERS,
];
const NAMES = [...CODEC_NAMES, ...OPERATOR_TYPING_STATES];
const LIMITS = { MAX_FRAME_BYTES, MAX_TEXT_BYTES, MAX_NAME_BYTES, MAX_PAGE_BYTES };

describe("protocol.ts mirrors docs/visitor-api.md", () => {
  it.each(NAMES)("names `%s` in the document", (name) => {
    expect(doc).toContain(`\`${name}\``);
  });

  it.each(Object.entries(LIMITS))("states %s = %i in the document", (_name, value) => {
    expect(docDigits).toMatch(new RegExp(`\\b${value}\\b`));
  });

  it("uses the documented endpoint", () => {
    expect(doc).toContain(`\`GET ${VISITOR_WS_PATH}\``);
  });

  it("lists every documented state and error code", () => {
    const section = (title: string) => doc.split(title)[1].split("\n#")[0];
    const codes = [...section("### Error codes").matchAll(/`([a-z_]+)`/g)].map((m) => m[1]);
    expect([...ERROR_CODES].sort()).toEqual([...new Set(codes)].sort());
    const states = [...section("### States").matchAll(/^`([a-z_]+)`|, `([a-z_]+)`/gm)].map((m) => m[1] ?? m[2]);
    expect([...CONVERSATION_STATES].sort()).toEqual([...new Set(states)].sort());
  });
});

// The shared C++ protocol library is the other mirror. Once it exists, every name must appear there
// as a string literal and every limit must have the same value.
const SERVER_SOURCES = [
  "protocol/visitor_message.h",
  "protocol/visitor_message.cpp",
  "protocol/protocol_error.h",
  "protocol/limits.h",
].map(repo);
const SERVER_LIMIT_NAMES: Record<keyof typeof LIMITS, string> = {
  MAX_FRAME_BYTES: "kMaxVisitorFrameBytes",
  MAX_TEXT_BYTES: "kMaxMessageTextBytes",
  MAX_NAME_BYTES: "kMaxVisitorNameBytes",
  MAX_PAGE_BYTES: "kMaxVisitorPageBytes",
};
const haveServer = SERVER_SOURCES.every((path) => existsSync(path));
describe.skipIf(!haveServer)("protocol.ts mirrors the shared C++ protocol library", () => {
  const source = haveServer ? SERVER_SOURCES.map((path) => readFileSync(path, "utf8")).join("\n") : "";

  it.each(CODEC_NAMES)('defines "%s"', (name) => {
    expect(source).toContain(`"${name}"`);
  });

  it.each(Object.entries(SERVER_LIMIT_NAMES))("%s equals %s", (ours, theirs) => {
    // Limits are written as products of integer literals, e.g. `16 * 1024`.
    const match = new RegExp(`${theirs}\\s*=\\s*([0-9'\\s*]+);`).exec(source);
    expect(match, `${theirs} not found`).not.toBeNull();
    const value = (match?.[1] ?? "0").replace(/'/g, "").split("*").reduce((product, factor) => product * Number(factor.trim()), 1);
    expect(value).toBe(LIMITS[ours as keyof typeof LIMITS]);
  });
});

describe("decodeServerMessage", () => {
  it("reads the document's example frames", () => {
    expect(decodeServerMessage('{"type":"welcome","token":"3f2a","visitor":"v-1a2b","conversation":0,"state":"idle"}')).toEqual({
      type: "welcome",
      token: "3f2a",
      visitor: "v-1a2b",
      conversation: 0,
      state: "idle",
      operator: undefined,
    });
    expect(decodeServerMessage('{"type":"state","state":"connected","conversation":7,"operator":"Alice"}')).toEqual({
      type: "state",
      state: "connected",
      conversation: 7,
      operator: "Alice",
    });
    expect(
      decodeServerMessage('{"type":"msg","seq":2,"from":"operator","operator":"Alice","text":"Yes, this morning.","ts":1764000004000}'),
    ).toEqual({ type: "msg", seq: 2, from: "operator", operator: "Alice", text: "Yes, this morning.", ts: 1764000004000 });
    expect(decodeServerMessage('{"type":"chat_state","state":"composing"}')).toEqual({ type: "chat_state", state: "composing" });
    expect(decodeServerMessage('{"type":"left_message","ok":true}')).toEqual({ type: "left_message", ok: true });
    expect(decodeServerMessage('{"type":"error","code":"rate_limited","message":"slow down"}')).toEqual({
      type: "error",
      code: "rate_limited",
      message: "slow down",
    });
  });

  it("ignores unknown extra fields", () => {
    expect(decodeServerMessage('{"type":"chat_state","state":"paused","extra":[1,2]}')).toEqual({ type: "chat_state", state: "paused" });
  });

  it("passes on operator typing states from other NL chat clients", () => {
    expect(decodeServerMessage('{"type":"chat_state","state":"typing"}')).toEqual({ type: "chat_state", state: "typing" });
    expect(decodeServerMessage('{"type":"chat_state","state":3}')).toBeNull();
  });

  it.each([
    "",
    "not json",
    "[]",
    "null",
    '"msg"',
    '{"type":"nonsense"}',
    '{"type":"msg","seq":0,"from":"visitor","text":"x"}',
    '{"type":"msg","seq":1.5,"from":"visitor","text":"x"}',
    '{"type":"msg","seq":1,"from":"robot","text":"x"}',
    '{"type":"msg","seq":1,"from":"visitor"}',
    '{"type":"state","state":"dancing","conversation":1}',
    '{"type":"welcome","state":"idle","conversation":0}',
    '{"type":"left_message","ok":"yes"}',
    '{"type":"error","message":"no code"}',
  ])("rejects malformed frame %j", (frame) => {
    expect(decodeServerMessage(frame)).toBeNull();
  });
});

describe("encodeVisitorMessage", () => {
  it("serializes the example hello", () => {
    const frame = encodeVisitorMessage({ type: "hello", name: "Ann", page: "https://shop.example/cart" });
    expect(JSON.parse(frame)).toEqual({ type: "hello", name: "Ann", page: "https://shop.example/cart" });
  });

  it("refuses a frame over the limit", () => {
    expect(() => encodeVisitorMessage({ type: "msg", text: "x".repeat(MAX_FRAME_BYTES) })).toThrow(RangeError);
  });
});

describe("UTF-8 limits", () => {
  it("counts bytes, not UTF-16 units", () => {
    expect(utf8Length("aé€😀")).toBe(1 + 2 + 3 + 4);
  });

  it("truncates without splitting a character", () => {
    expect(truncateUtf8("ab€", 4)).toBe("ab");
    expect(truncateUtf8("😀😀", 5)).toBe("😀");
    expect(truncateUtf8("short", 100)).toBe("short");
  });
});
