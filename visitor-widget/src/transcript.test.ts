import { describe, expect, it } from "vitest";
import type { ChatTextMessage } from "./protocol";
import { Transcript } from "./transcript";

const msg = (seq: number, from: "visitor" | "operator", text: string): ChatTextMessage => ({
  type: "msg",
  seq,
  from,
  text,
  ts: 1764000000000 + seq,
  operator: from === "operator" ? "Alice" : undefined,
});

const texts = (t: Transcript) => t.entries.map((entry) => `${entry.seq ?? "-"}:${entry.text}:${entry.status}`);

describe("Transcript", () => {
  it("ignores a message it already holds (replay after reconnect)", () => {
    const t = new Transcript();
    t.assign(7);
    expect(t.apply(msg(1, "operator", "hi"))).not.toBeNull();
    expect(t.apply(msg(1, "operator", "hi"))).toBeNull();
    expect(t.entries).toHaveLength(1);
  });

  it("orders by seq whatever the arrival order", () => {
    const t = new Transcript();
    t.assign(7);
    t.apply(msg(3, "operator", "c"));
    t.apply(msg(1, "visitor", "a"));
    t.apply(msg(2, "operator", "b"));
    expect(texts(t)).toEqual(["1:a:sent", "2:b:sent", "3:c:sent"]);
    expect(t.maxSeq()).toBe(3);
  });

  it("confirms the visitor's pending message with the echo instead of adding it twice", () => {
    const t = new Transcript();
    const pending = t.addPending("hello", 5);
    t.addPending("second", 6);
    expect(texts(t)).toEqual(["-:hello:pending", "-:second:pending"]);
    const result = t.apply(msg(1, "visitor", "hello"));
    expect(result).toMatchObject({ added: false, confirmed: true });
    expect(result?.entry.key).toBe(pending.key);
    expect(texts(t)).toEqual(["1:hello:sent", "-:second:pending"]);
  });

  it("keeps messages written before the conversation number is known", () => {
    const t = new Transcript();
    t.addPending("hello", 5);
    t.apply(msg(1, "visitor", "hello"));
    t.assign(8);
    expect(texts(t)).toEqual(["1:hello:sent"]);
    expect(t.conversation).toBe(8);
  });

  it("drops another conversation's messages but keeps unsent ones", () => {
    const t = new Transcript();
    t.assign(7);
    t.apply(msg(1, "operator", "old"));
    t.addPending("new", 5);
    t.assign(8);
    expect(texts(t)).toEqual(["-:new:pending"]);
  });

  it("marks a refused message failed and retries it", () => {
    const t = new Transcript();
    const entry = t.addPending("x", 1);
    t.addPending("y", 2);
    expect(t.failOldestPending()).toBe(entry);
    expect(t.retry(entry.key)).toBe(entry);
    expect(texts(t)).toEqual(["-:y:pending", "-:x:pending"]);
    expect(t.retry("unknown")).toBeNull();
  });

  it("clears everything for a new chat", () => {
    const t = new Transcript();
    t.assign(7);
    t.apply(msg(1, "operator", "old"));
    t.clear();
    expect(t.entries).toHaveLength(0);
    expect(t.conversation).toBe(0);
  });
});
