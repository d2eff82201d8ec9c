import { describe, expect, it } from "vitest";
import { backoffDelay, Connection, DEFAULT_BACKOFF, type LinkStatus } from "./connection";
import type { HelloMessage, ServerMessage } from "./protocol";
import { FakeSocket } from "./testing/fake-socket";
import { ManualTimers } from "./testing/manual-timers";

const WELCOME = { type: "welcome", token: "tok", visitor: "v-1", conversation: 0, state: "idle" };

function setup(hello: () => HelloMessage = () => ({ type: "hello", since: 0 })) {
  const timers = new ManualTimers();
  const sockets: FakeSocket[] = [];
  const received: ServerMessage[] = [];
  const statuses: LinkStatus[] = [];
  const connection = new Connection({
    url: "ws://desk.test/visitor/ws",
    hello,
    onMessage: (message) => received.push(message),
    onStatus: (status) => statuses.push(status),
    createSocket: (url) => {
      const socket = new FakeSocket(url);
      sockets.push(socket);
      return socket;
    },
    timers,
    random: () => 1,
  });
  const last = () => sockets[sockets.length - 1];
  return { timers, sockets, received, statuses, connection, last };
}

describe("backoffDelay", () => {
  it("doubles up to the cap, with jitter between half and all of it", () => {
    expect([0, 1, 2, 3].map((n) => backoffDelay(n, DEFAULT_BACKOFF, 1))).toEqual([500, 1000, 2000, 4000]);
    expect(backoffDelay(20, DEFAULT_BACKOFF, 1)).toBe(DEFAULT_BACKOFF.maxMs);
    expect(backoffDelay(0, DEFAULT_BACKOFF, 0)).toBe(250);
  });
});

describe("Connection", () => {
  it("says hello first and holds messages until welcome", () => {
    const { connection, last, statuses, received } = setup(() => ({ type: "hello", token: "tok", since: 4 }));
    connection.start();
    expect(last().url).toBe("ws://desk.test/visitor/ws");
    expect(connection.send({ type: "msg", text: "early" })).toBe(true);
    expect(connection.send({ type: "chat_state", state: "composing" }, false)).toBe(false);
    last().open();
    expect(last().sent).toEqual([{ type: "hello", token: "tok", since: 4 }]);
    last().receive(WELCOME);
    expect(last().sent).toEqual([
      { type: "hello", token: "tok", since: 4 },
      { type: "msg", text: "early" },
    ]);
    expect(statuses).toEqual(["connecting", "online"]);
    expect(received[0]).toMatchObject({ type: "welcome", token: "tok" });
    expect(connection.online).toBe(true);
  });

  it("reconnects with growing delays and a fresh hello each time", () => {
    let since = 0;
    const { connection, sockets, last, timers, statuses } = setup(() => ({ type: "hello", since }));
    connection.start();
    last().drop();
    expect(timers.delays).toEqual([500]);
    timers.advance(500);
    expect(sockets).toHaveLength(2);
    last().drop();
    expect(timers.delays).toEqual([1000]);
    timers.advance(1000);
    since = 9;
    last().open();
    last().receive(WELCOME);
    expect(last().sent[0]).toEqual({ type: "hello", since: 9 });
    // A welcome resets the backoff.
    last().drop();
    expect(timers.delays).toEqual([500]);
    expect(statuses).toEqual(["connecting", "offline", "connecting", "offline", "connecting", "online", "offline"]);
  });

  it("gives up on a socket that never brings a welcome", () => {
    const { connection, sockets, timers } = setup();
    connection.start();
    sockets[0].open();
    timers.advance(15000);
    expect(sockets[0].closed).toBe(true);
    timers.advance(500);
    expect(sockets).toHaveLength(2);
  });

  it("ignores frames it cannot parse and frames from a replaced socket", () => {
    const { connection, sockets, last, received } = setup();
    connection.start();
    last().open();
    last().receive({ type: "bogus" });
    connection.restart();
    sockets[0].receive(WELCOME);
    expect(received).toEqual([]);
    expect(sockets).toHaveLength(2);
    expect(sockets[0].closed).toBe(true);
  });

  it("stays down after stop", () => {
    const { connection, sockets, last, timers } = setup();
    connection.start();
    last().drop();
    connection.stop();
    timers.advance(60000);
    expect(sockets).toHaveLength(1);
    expect(connection.send({ type: "close" })).toBe(false);
  });

  it("retries at once when asked, skipping the backoff", () => {
    const { connection, sockets, last, timers } = setup();
    connection.start();
    last().drop();
    connection.retryNow();
    expect(sockets).toHaveLength(2);
    expect(timers.delays).toEqual([15000]);
  });
});
