// @vitest-environment happy-dom
/**
 * The whole widget in a DOM, against the fake visitor server over a real WebSocket: the flows of
 * PRODUCT.md for visitors (ring, operator name, typing, reply, reconnect, reload, end, leave a
 * message) without the C++ server.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { WebSocket } from "ws";
import type { ChatController } from "./chat";
import type { SocketLike } from "./connection";
import { configFromScript, type WidgetConfig } from "./config";
import { mount, type MountOverrides } from "./embed";
import { ar } from "./lang-ar";
import { en } from "./lang-en";
import type { NotificationApi } from "./notifications";
import { SessionStorage, type KeyValueStore } from "./storage";
import { FakeVisitorServer } from "./testing/fake-server";

class MapStore implements KeyValueStore {
  readonly map = new Map<string, string>();
  getItem(key: string): string | null {
    return this.map.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.map.set(key, value);
  }
}

let server: FakeVisitorServer;
let store: MapStore;
let widget: ChatController | null = null;

function start(reconnectMs = 10, config: Partial<WidgetConfig> = {}, overrides: MountOverrides = {}): ShadowRoot {
  widget?.stop();
  document.getElementById("ringdesk-widget")?.remove();
  widget = mount(
    document,
    {
      serverOrigin: "http://desk.test",
      wsUrl: server.url,
      title: "Shop help",
      visitorName: "Ann",
      position: "bottom-right",
      language: en,
      ...config,
    },
    {
      createSocket: (url) => new WebSocket(url) as unknown as SocketLike,
      backoff: { initialMs: reconnectMs, maxMs: reconnectMs, factor: 2 },
      storage: new SessionStorage(store, "ringdesk-test"),
      replayGraceMs: 200,
      notifications: undefined,
      ...overrides,
    },
  );
  if (!widget) throw new Error("widget did not mount");
  return widget.shadowRoot;
}

const $ = <T extends Element = HTMLElement>(root: ShadowRoot, selector: string): T => {
  const found = root.querySelector<T>(selector);
  if (!found) throw new Error(`no ${selector} in the widget`);
  return found;
};
const status = (root: ShadowRoot) => $(root, ".status").textContent;
const bubbles = (root: ShadowRoot) => [...root.querySelectorAll(".msg")].map((m) => $(root, `[data-key="${(m as HTMLElement).dataset.key}"] .text`).textContent);

function write(root: ShadowRoot, text: string, shift = false): void {
  const box = $<HTMLTextAreaElement>(root, ".composer textarea");
  box.value = text;
  box.dispatchEvent(new Event("input", { bubbles: true }));
  box.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", shiftKey: shift, bubbles: true, cancelable: true }));
}

/** Writes a message and waits until the server has stored it. */
async function send(root: ShadowRoot, text: string): Promise<void> {
  write(root, text);
  await vi.waitFor(() => expect(root.querySelector(".msg.pending, .msg.failed")).toBeNull());
}

async function openChatIn(root: ShadowRoot, idleStatus: string): Promise<void> {
  $(root, ".bubble").click();
  await vi.waitFor(() => expect(status(root)).toBe(idleStatus));
  expect(root.activeElement).toBe($(root, ".composer textarea"));
}

const openChat = (root: ShadowRoot) => openChatIn(root, "We usually answer within minutes");

beforeEach(async () => {
  server = await FakeVisitorServer.start();
  store = new MapStore();
});

afterEach(async () => {
  widget?.stop();
  widget = null;
  document.body.replaceChildren();
  await server.close();
});

describe("the widget", () => {
  it("waits for the visitor before connecting, then chats with an operator", async () => {
    const root = start();
    expect($(root, ".panel").hidden).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(server.connectionCount).toBe(0);

    await openChat(root);
    expect(root.activeElement).toBe($(root, ".composer textarea"));
    expect(server.hellos[0]).toMatchObject({ type: "hello", since: 0, name: "Ann" });
    expect(server.hellos[0].token).toBeUndefined();

    write(root, "line one", true);
    expect(server.received.filter((f) => f.type === "msg")).toHaveLength(0);
    write(root, "Hello <b>there</b>");
    expect($(root, ".msg.visitor").classList.contains("pending")).toBe(true);
    await vi.waitFor(() => expect(status(root)).toBe("Connecting you to an operator…"));
    await vi.waitFor(() => expect($(root, ".msg.visitor").classList.contains("sent")).toBe(true));
    // Text stays text: no element is made from what people write.
    expect(root.querySelector(".msg b")).toBeNull();
    expect(bubbles(root)).toEqual(["Hello <b>there</b>"]);

    server.operatorJoins("Alice");
    await vi.waitFor(() => expect(status(root)).toBe("Alice joined"));
    expect($(root, ".end").hidden).toBe(false);
    server.operatorTyping("composing");
    await vi.waitFor(() => expect($(root, ".typing").textContent).toBe("Alice is typing…"));
    server.operatorSays("Yes, this morning.");
    await vi.waitFor(() => expect(bubbles(root)).toEqual(["Hello <b>there</b>", "Yes, this morning."]));
    expect($(root, ".typing").textContent).toBe("");
    expect($(root, ".msg.operator .meta").textContent).toMatch(/^Alice · /);

    const box = $<HTMLTextAreaElement>(root, ".composer textarea");
    box.value = "typ";
    box.dispatchEvent(new Event("input", { bubbles: true }));
    await vi.waitFor(() => expect(server.received.at(-1)).toEqual({ type: "chat_state", state: "composing" }));
  });

  it("resumes after a dropped connection and after a reload without duplicates", async () => {
    let root = start(300);
    await openChat(root);
    await send(root, "first");
    server.operatorJoins("Alice");
    server.operatorSays("reply one");
    await vi.waitFor(() => expect(bubbles(root)).toEqual(["first", "reply one"]));

    server.dropAll();
    await vi.waitFor(() => expect(status(root)).toBe("Reconnecting…"));
    server.operatorSays("said while you were away");
    await vi.waitFor(() => expect(status(root)).toBe("Alice joined"));
    expect(server.hellos[1]).toMatchObject({ token: "token-1", since: 2 });
    await vi.waitFor(() => expect(bubbles(root)).toEqual(["first", "reply one", "said while you were away"]));

    root = start();
    expect($(root, ".panel").hidden).toBe(false);
    await vi.waitFor(() => expect(bubbles(root)).toEqual(["first", "reply one", "said while you were away"]));
    expect(server.hellos[2]).toMatchObject({ token: "token-1", since: 0 });
    expect(status(root)).toBe("Alice joined");
  });

  it("counts unread operator messages while the panel is closed", async () => {
    const root = start();
    await openChat(root);
    await send(root, "hi");
    server.operatorJoins("Alice");
    await vi.waitFor(() => expect(status(root)).toBe("Alice joined"));
    $(root, ".minimise").click();
    expect(root.activeElement).toBe($(root, ".bubble"));
    server.operatorSays("one");
    server.operatorSays("two");
    await vi.waitFor(() => expect($(root, ".badge").textContent).toBe("2"));
    expect($(root, ".bubble").getAttribute("aria-label")).toBe("Open chat, 2 unread messages");
    $(root, ".bubble").click();
    expect($(root, ".badge").hidden).toBe(true);
    // Seen messages stay seen after a reload.
    const reloaded = start();
    await vi.waitFor(() => expect(bubbles(reloaded)).toHaveLength(3));
    expect($(reloaded, ".badge").hidden).toBe(true);
  });

  it("closes the panel on Escape", async () => {
    const root = start();
    await openChat(root);
    $(root, ".composer textarea").dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true }));
    expect($(root, ".panel").hidden).toBe(true);
    expect($(root, ".bubble").getAttribute("aria-expanded")).toBe("false");
    expect(root.activeElement).toBe($(root, ".bubble"));
  });

  it.each([false, true])("ends the chat and starts a new one (state before echo: %s)", async (stateBeforeEcho) => {
    server.stateBeforeEcho = stateBeforeEcho;
    let root = start();
    await openChat(root);
    await send(root, "question");
    server.operatorJoins("Alice");
    await vi.waitFor(() => expect(status(root)).toBe("Alice joined"));
    $(root, ".end").click();
    await vi.waitFor(() => expect(status(root)).toBe("Chat ended"));
    expect(server.received.at(-1)).toEqual({ type: "close" });
    expect($(root, ".composer").hidden).toBe(true);
    expect(root.activeElement).toBe($(root, ".new-chat"));

    $(root, ".new-chat").click();
    expect(bubbles(root)).toEqual([]);
    expect($(root, ".composer").hidden).toBe(false);
    write(root, "another question");
    await vi.waitFor(() => expect(status(root)).toBe("Connecting you to an operator…"));
    await vi.waitFor(() => expect($(root, ".msg.visitor").classList.contains("sent")).toBe(true));
    expect(bubbles(root)).toEqual(["another question"]);
    expect(server.visitor.conversation).toBe(8);

    // A reload shows the new conversation only.
    root = start();
    await vi.waitFor(() => expect(bubbles(root)).toEqual(["another question"]));
  });

  it("keeps a dismissed conversation away after a reload", async () => {
    let root = start();
    await openChat(root);
    write(root, "question");
    await vi.waitFor(() => expect(status(root)).toBe("Connecting you to an operator…"));
    $(root, ".end").click();
    await vi.waitFor(() => expect(status(root)).toBe("Chat ended"));
    $(root, ".new-chat").click();
    root = start();
    await vi.waitFor(() => expect(status(root)).toBe("We usually answer within minutes"));
    expect(server.hellos.at(-1)).toMatchObject({ since: 1 });
    expect(bubbles(root)).toEqual([]);
    expect($(root, ".composer").hidden).toBe(false);
  });

  it("offers the leave-a-message form when no operator is available", async () => {
    server.noOperator = true;
    const root = start();
    await openChat(root);
    write(root, "Is anybody there?");
    await vi.waitFor(() => expect(status(root)).toBe("No operator is available"));
    const form = $<HTMLFormElement>(root, "form.leave");
    expect(form.hidden).toBe(false);
    expect($(root, ".composer").hidden).toBe(true);
    expect($<HTMLInputElement>(root, "input[name=name]").value).toBe("Ann");
    expect($<HTMLTextAreaElement>(root, "form.leave textarea").value).toBe("Is anybody there?");
    $<HTMLInputElement>(root, "input[name=email]").value = "ann@example.com";
    form.dispatchEvent(new Event("submit", { cancelable: true }));
    await vi.waitFor(() => expect($(root, ".ended p").textContent).toMatch(/^Thank you!/));
    expect(server.received.at(-1)).toEqual({
      type: "leave_message",
      name: "Ann",
      email: "ann@example.com",
      text: "Is anybody there?",
    });
    // A reload shows the thank-you, not the form again.
    const reloaded = start();
    await vi.waitFor(() => expect(status(reloaded)).toBe("Message received"));
    expect($(reloaded, "form.leave").hidden).toBe(true);
  });

  it("marks a message lost with the connection as not sent, and sends it again on Retry", async () => {
    const root = start();
    await openChat(root);
    await send(root, "first");
    server.loseNextMessage = true;
    write(root, "lost in transit");
    await vi.waitFor(() => expect($(root, ".msg.failed .text").textContent).toBe("lost in transit"));
    expect(server.visitor.messages.map((m) => m.text)).toEqual(["first"]);
    $(root, ".msg.failed .meta button").click();
    await vi.waitFor(() => expect(root.querySelector(".msg.pending, .msg.failed")).toBeNull());
    expect(bubbles(root)).toEqual(["first", "lost in transit"]);
    expect(server.visitor.messages.map((m) => m.text)).toEqual(["first", "lost in transit"]);
  });

  it("refuses a message over 4 000 bytes without sending it", async () => {
    const root = start();
    await openChat(root);
    write(root, "é".repeat(2001));
    expect($(root, ".notice").textContent).toBe("That message is too long.");
    expect(bubbles(root)).toEqual([]);
    expect($<HTMLTextAreaElement>(root, ".composer textarea").value).toHaveLength(2001);
  });
});

/** The texts the live region has spoken so far. */
const spoken = (root: ShadowRoot) => [...root.querySelectorAll("[aria-live=polite].sr-only p")].map((p) => p.textContent);

/** A stand-in for window.Notification that records what it shows. */
function fakeNotifications(permission: NotificationPermission) {
  const shown: Array<{ title: string; body?: string }> = [];
  let asked = 0;
  class Api {
    static permission = permission;
    static async requestPermission(): Promise<NotificationPermission> {
      asked += 1;
      Api.permission = "granted";
      return "granted";
    }
    onclick: ((event: Event) => void) | null = null;
    constructor(title: string, options?: NotificationOptions) {
      shown.push({ title, body: options?.body });
    }
    close(): void {}
  }
  return { api: Api as unknown as NotificationApi, shown, asked: () => asked };
}

describe("the widget's languages, options and accessibility", () => {
  let visibility: DocumentVisibilityState = "visible";
  beforeEach(() => {
    visibility = "visible";
    Object.defineProperty(document, "visibilityState", { configurable: true, get: () => visibility });
  });
  afterEach(() => {
    document.documentElement.removeAttribute("lang");
    document.title = "";
  });
  const setVisibility = (state: DocumentVisibilityState) => {
    visibility = state;
    document.dispatchEvent(new Event("visibilitychange"));
  };

  it("lays the panel out right to left in Arabic", async () => {
    const root = start(10, { language: ar, title: undefined });
    const panel = $(root, ".panel");
    expect(panel.getAttribute("dir")).toBe("rtl");
    expect(panel.getAttribute("lang")).toBe("ar");
    expect($(root, ".bubble").getAttribute("dir")).toBe("rtl");
    expect($(root, ".bubble").getAttribute("aria-label")).toBe("فتح المحادثة");
    expect($(root, ".title").textContent).toBe("تحدّث معنا");
    $(root, ".bubble").click();
    await vi.waitFor(() => expect(status(root)).toBe("نردّ عادةً خلال دقائق"));
    expect($(root, ".composer textarea").getAttribute("placeholder")).toBe("اكتب رسالة…");
  });

  it("speaks German on a page whose lang is de", async () => {
    document.documentElement.setAttribute("lang", "de");
    const tag = document.createElement("script");
    tag.src = "http://desk.test/widget.js";
    const { language, title } = configFromScript(tag);
    const root = start(10, { language, title });
    expect($(root, ".panel").getAttribute("dir")).toBe("ltr");
    expect($(root, ".title").textContent).toBe("Schreiben Sie uns");
    expect($(root, ".bubble").getAttribute("aria-label")).toBe("Chat öffnen");
    await openChatIn(root, "Wir antworten meist innerhalb weniger Minuten");
    write(root, "Hallo");
    await vi.waitFor(() => expect(status(root)).toBe("Wir verbinden Sie mit einem Mitarbeiter…"));
    server.operatorJoins("Alice");
    await vi.waitFor(() => expect(status(root)).toBe("Alice ist im Chat"));
  });

  it("uses the snippet's accent, title, greeting and corner", () => {
    const root = start(10, { accent: "#f2c14e", title: "Fernwood help", greeting: "Tea questions welcome.", position: "bottom-left" });
    const host = document.getElementById("ringdesk-widget") as HTMLElement;
    expect(host.style.getPropertyValue("--rd-accent")).toBe("rgb(242, 193, 78)");
    expect(host.style.getPropertyValue("--rd-on-accent")).toBe("rgb(0, 0, 0)");
    expect(host.classList.contains("left")).toBe(true);
    expect($(root, ".title").textContent).toBe("Fernwood help");
    expect($(root, ".intro").textContent).toBe("Tea questions welcome.");
  });

  it("announces new operator messages in a live region, with the panel open or closed, but not replays", async () => {
    let root = start();
    await openChat(root);
    await send(root, "hi");
    server.operatorJoins("Alice");
    server.operatorSays("Hello <b>Ann</b>");
    await vi.waitFor(() => expect(spoken(root)).toEqual(["Alice: Hello <b>Ann</b>"]));
    expect(root.querySelector("[aria-live=polite].sr-only b")).toBeNull();
    expect($(root, ".log").getAttribute("aria-live")).toBe("off");
    $(root, ".minimise").click();
    server.operatorSays("Still there?");
    await vi.waitFor(() => expect(spoken(root)).toEqual(["Alice: Hello <b>Ann</b>", "Alice: Still there?"]));
    // After a reload the conversation is replayed; what was announced before stays quiet (this
    // once failed: marking messages seen during the replay lowered the stored seen seq).
    $(root, ".bubble").click();
    root = start();
    await vi.waitFor(() => expect(bubbles(root)).toHaveLength(3));
    expect(spoken(root)).toEqual([]);
  });

  it("counts messages in the tab title while the page is hidden and notifies a visitor who asked", async () => {
    document.title = "Fernwood Tea";
    const notifications = fakeNotifications("default");
    const root = start(10, {}, { notifications: notifications.api });
    await openChat(root);
    const notify = $(root, ".notify");
    expect(notify.hidden).toBe(false);
    expect(notify.getAttribute("aria-pressed")).toBe("false");
    expect(notifications.asked()).toBe(0);
    notify.click();
    await vi.waitFor(() => expect(notify.getAttribute("aria-pressed")).toBe("true"));
    expect(notifications.asked()).toBe(1);
    expect(store.map.get("ringdesk-test")).toContain('"notify":true');

    await send(root, "hi");
    server.operatorJoins("Alice");
    server.operatorSays("seen while visible");
    await vi.waitFor(() => expect(bubbles(root)).toHaveLength(2));
    expect(document.title).toBe("Fernwood Tea");
    expect(notifications.shown).toEqual([]);

    setVisibility("hidden");
    server.operatorSays("one");
    server.operatorSays("two");
    await vi.waitFor(() => expect(document.title).toBe("(2) New messages – Fernwood Tea"));
    expect(notifications.shown).toEqual([
      { title: "New message from Alice", body: "one" },
      { title: "New message from Alice", body: "two" },
    ]);
    setVisibility("visible");
    expect(document.title).toBe("Fernwood Tea");

    notify.click();
    await vi.waitFor(() => expect(notify.getAttribute("aria-pressed")).toBe("false"));
    setVisibility("hidden");
    server.operatorSays("three");
    await vi.waitFor(() => expect(document.title).toBe("(1) New message – Fernwood Tea"));
    expect(notifications.shown).toHaveLength(2);
  });

  it("hides the notify button where notifications are blocked or missing", () => {
    expect($(start(10, {}, { notifications: fakeNotifications("denied").api }), ".notify").hidden).toBe(true);
    expect($(start(10, {}, { notifications: undefined }), ".notify").hidden).toBe(true);
  });
});
