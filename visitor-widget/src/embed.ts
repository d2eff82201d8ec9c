/**
 * Mounting the widget into a page: configuration from the <script> tag, the shadow host, the
 * controller. Kept apart from index.ts so tests can mount the widget without the auto-start.
 */
import { ChatController, type ChatOptions } from "./chat";
import { VISITOR_WS_PATH } from "./protocol";
import { browserStore, SessionStorage, storageKey } from "./storage";

export interface WidgetConfig {
  /** Origin of the server, e.g. "https://desk.example". */
  serverOrigin: string;
  /** ws(s) URL of the visitor endpoint. */
  wsUrl: string;
  title: string;
  visitorName: string;
  accent?: string;
}

/** Derives the configuration from the widget's <script> element. Throws if src is not http(s). */
export function configFromScript(script: HTMLScriptElement): WidgetConfig {
  const src = new URL(script.src, script.ownerDocument.baseURI);
  if (src.protocol !== "http:" && src.protocol !== "https:") {
    throw new Error(`Ringdesk widget: cannot derive the server from src ${src.href}`);
  }
  const ws = new URL(VISITOR_WS_PATH, src);
  ws.protocol = src.protocol === "https:" ? "wss:" : "ws:";
  const data = script.dataset;
  return {
    serverOrigin: src.origin,
    wsUrl: ws.href,
    title: data.title?.trim() || "Chat with us",
    visitorName: data.name?.trim() ?? "",
    accent: data.color?.trim() || undefined,
  };
}

/** The <script> that loaded this file; async scripts still see document.currentScript. */
export function findOwnScript(doc: Document): HTMLScriptElement | null {
  const current = doc.currentScript;
  if (current instanceof HTMLScriptElement && current.src) return current;
  const candidates = doc.querySelectorAll<HTMLScriptElement>('script[src*="widget.js"]');
  return candidates.length > 0 ? candidates[candidates.length - 1] : null;
}

const HOST_ID = "ringdesk-widget";

/** What tests may replace: the socket, the timers, the backoff, the storage and the replay grace. */
export type MountOverrides = Partial<Pick<ChatOptions, "createSocket" | "timers" | "backoff" | "storage" | "replayGraceMs">>;

/** Creates the widget host element and starts the chat; returns null if it is already mounted. */
export function mount(doc: Document, config: WidgetConfig, overrides: MountOverrides = {}): ChatController | null {
  if (doc.getElementById(HOST_ID)) return null;
  const host = doc.createElement("div");
  host.id = HOST_ID;
  doc.body.appendChild(host);
  const controller = new ChatController(host, {
    wsUrl: config.wsUrl,
    title: config.title,
    visitorName: config.visitorName,
    page: doc.location?.href ?? "",
    accent: config.accent,
    storage: new SessionStorage(browserStore(), storageKey(config.serverOrigin)),
    ...overrides,
  });
  controller.start();
  doc.defaultView?.addEventListener("online", () => controller.networkUp());
  return controller;
}
