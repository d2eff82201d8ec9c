import { describe, expect, it } from "vitest";
import { ManualTimers } from "./testing/manual-timers";
import { TYPING_IDLE_MS, TypingNotifier } from "./typing";

function setup() {
  const timers = new ManualTimers();
  const sent: string[] = [];
  return { timers, sent, typing: new TypingNotifier((state) => sent.push(state), timers) };
}

describe("TypingNotifier", () => {
  it("sends composing once per burst and paused after the idle time", () => {
    const { timers, sent, typing } = setup();
    typing.input();
    timers.advance(1000);
    typing.input();
    timers.advance(TYPING_IDLE_MS - 1);
    expect(sent).toEqual(["composing"]);
    timers.advance(1);
    expect(sent).toEqual(["composing", "paused"]);
    typing.input();
    expect(sent).toEqual(["composing", "paused", "composing"]);
  });

  it("sends paused when the message goes out, and nothing more later", () => {
    const { timers, sent, typing } = setup();
    typing.input();
    typing.stop();
    timers.advance(TYPING_IDLE_MS * 2);
    expect(sent).toEqual(["composing", "paused"]);
  });

  it("stays silent when stopped without typing or after reset", () => {
    const { timers, sent, typing } = setup();
    typing.stop();
    typing.input();
    typing.reset();
    timers.advance(TYPING_IDLE_MS * 2);
    expect(sent).toEqual(["composing"]);
  });
});
