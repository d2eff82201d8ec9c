import { describe, expect, it } from "vitest";
import { EMPTY_SESSION, parseSession, SessionStorage, storageKey, type KeyValueStore } from "./storage";

class MapStore implements KeyValueStore {
  readonly map = new Map<string, string>();
  getItem(key: string): string | null {
    return this.map.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.map.set(key, value);
  }
}

const throwing: KeyValueStore = {
  getItem: () => {
    throw new DOMException("denied", "SecurityError");
  },
  setItem: () => {
    throw new DOMException("full", "QuotaExceededError");
  },
};

describe("SessionStorage", () => {
  it("survives a reload through the backing store", () => {
    const store = new MapStore();
    new SessionStorage(store, "k").update({ token: "t1", conversation: 7, seenSeq: 3, open: true });
    expect(new SessionStorage(store, "k").get()).toEqual({ ...EMPTY_SESSION, token: "t1", conversation: 7, seenSeq: 3, open: true });
  });

  it("keeps working in memory without storage", () => {
    const session = new SessionStorage(null, "k");
    session.update({ token: "t" });
    expect(session.get().token).toBe("t");
  });

  it("keeps working in memory when storage throws", () => {
    const session = new SessionStorage(throwing, "k");
    expect(session.get()).toEqual(EMPTY_SESSION);
    session.update({ token: "t", seenSeq: 2 });
    expect(session.get()).toMatchObject({ token: "t", seenSeq: 2 });
  });

  it("separates servers", () => {
    expect(storageKey("https://a.example")).not.toBe(storageKey("https://b.example"));
  });
});

describe("parseSession", () => {
  it.each([null, "", "garbage", "[]", "42", '{"token":5,"seenSeq":-1,"conversation":"7","open":"yes"}'])(
    "turns %j into an empty session",
    (raw) => {
      expect(parseSession(raw)).toEqual(EMPTY_SESSION);
    },
  );
});
