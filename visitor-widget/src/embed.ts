/**
 * Mounting the widget into a page: the shadow host and the controller. Kept apart from index.ts
 * so tests can mount the widget without the auto-start; the options come from config.ts.
 */
import { ChatController, type ChatOptions } from "./chat";
import type { WidgetConfig } from "./config";
import { browserNotifications } from "./notifications";
import { browserStore, SessionStorage, storageKey } from "./storage";

/** The <script> that loaded this file; async scripts still see document.currentScript. */
export function findOwnScript(doc: Document): HTMLScriptElement | null {
  const current = doc.currentScript;
  if (current instanceof HTMLScriptElement && current.src) return current;
  const candidates = doc.querySelectorAll<HTMLScriptElement>('script[src*="widget.js"]');
  return candidates.length > 0 ? candidates[candidates.length - 1] : null;
}

const HOST_ID = "ringdesk-widget";

/** What tests may replace: the socket, the timers, the backoff, the storage, the replay grace, notifications. */
export type MountOverrides = Partial<
  Pick<ChatOptions, "createSocket" | "timers" | "backoff" | "storage" | "replayGraceMs" | "notifications">
>;

/** Creates the widget host element and starts the chat; returns null if it is already mounted. */
export function mount(doc: Document, config: WidgetConfig, overrides: MountOverrides = {}): ChatController | null {
  if (doc.getElementById(HOST_ID)) return null;
  const host = doc.createElement("div");
  host.id = HOST_ID;
  doc.body.appendChild(host);
  const controller = new ChatController(host, {
    wsUrl: config.wsUrl,
    title: config.title,
    greeting: config.greeting,
    visitorName: config.visitorName,
    page: doc.location?.href ?? "",
    accent: config.accent,
    position: config.position,
    language: config.language,
    storage: new SessionStorage(browserStore(), storageKey(config.serverOrigin)),
    notifications: browserNotifications(),
    ...overrides,
  });
  controller.start();
  doc.defaultView?.addEventListener("online", () => controller.networkUp());
  return controller;
}
