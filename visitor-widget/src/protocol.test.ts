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

// The shared C++ protocol library is the source of truth. protocol_tests keeps
// protocol/wire_constants.json equal to what the headers define (protocol/wire_constants.h);
// here every name and limit of protocol.ts must equal that file. A missing or unreadable file
// fails these tests: they never skip.
interface WireConstants {
  visitor: {
    web_socket_path: string;
    client_types: string[];
    server_types: string[];
    states: string[];
    typing_states: string[];
    senders: string[];
    error_codes: string[];
  };
  error_codes: string[];
  chat_states: string[];
  limits: Record<string, number>;
}
const WIRE_CONSTANTS = "protocol/wire_constants.json";
function wireConstants(): WireConstants {
  const path = repo(WIRE_CONSTANTS);
  if (!existsSync(path)) {
    throw new Error(`${WIRE_CONSTANTS} is missing: generate it with print_wire_constants (tests/protocol)`);
  }
  return JSON.parse(readFileSync(path, "utf8")) as WireConstants;
}
const SERVER_LIMIT_NAMES: Record<keyof typeof LIMITS, string> = {
  MAX_FRAME_BYTES: "kMaxVisitorFrameBytes",
  MAX_TEXT_BYTES: "kMaxMessageTextBytes",
  MAX_NAME_BYTES: "kMaxVisitorNameBytes",
  MAX_PAGE_BYTES: "kMaxVisitorPageBytes",
};
const sorted = (names: readonly string[]) => [...names].sort();

describe(`protocol.ts mirrors the shared C++ protocol library (${WIRE_CONSTANTS})`, () => {
  it.each([
    ["VISITOR_MESSAGE_TYPES", "client_types", VISITOR_MESSAGE_TYPES],
    ["SERVER_MESSAGE_TYPES", "server_types", SERVER_MESSAGE_TYPES],
    ["CONVERSATION_STATES", "states", CONVERSATION_STATES],
    ["VISITOR_TYPING_STATES", "typing_states", VISITOR_TYPING_STATES],
    ["MESSAGE_SENDERS", "senders", MESSAGE_SENDERS],
    ["ERROR_CODES", "error_codes", ERROR_CODES],
  ] as const)("%s equals visitor.%s", (_ours, theirs, names) => {
    expect(sorted(names)).toEqual(sorted(wireConstants().visitor[theirs]));
  });

  it("sends only error codes the library defines", () => {
    const all = wireConstants().error_codes;
    for (const code of ERROR_CODES) expect(all).toContain(code);
  });

  it("knows only typing states the library names", () => {
    const all = wireConstants().chat_states;
    for (const state of OPERATOR_TYPING_STATES) expect(all).toContain(state);
  });

  it.each(Object.entries(SERVER_LIMIT_NAMES))("%s equals limits.%s", (ours, theirs) => {
    const limits = wireConstants().limits;
    expect(Object.keys(limits)).toContain(theirs);
    expect(LIMITS[ours as keyof typeof LIMITS]).toBe(limits[theirs]);
  });

  it("uses the library's endpoint path", () => {
    expect(VISITOR_WS_PATH).toBe(wireConstants().visitor.web_socket_path);
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
