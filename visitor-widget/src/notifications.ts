/**
 * Desktop notifications for operator messages, only when the visitor asked for them: permission
 * is requested from the "notify me" button's click (a user gesture), never on load, and the
 * visitor's choice is kept so it can be turned off again without the browser's settings.
 */
import type { TextDirection } from "./strings";

/** The parts of a Notification the widget touches. */
export interface NotificationLike {
  onclick: ((event: Event) => void) | null;
  close(): void;
}

/** The Notification constructor and its static members; window.Notification fits. */
export interface NotificationApi {
  readonly permission: NotificationPermission;
  requestPermission(): Promise<NotificationPermission>;
  new (title: string, options?: NotificationOptions): NotificationLike;
}

/**
 * unsupported: no Notification API (or not allowed here); blocked: the visitor refused in the
 * browser, nothing the page can do; off: may be asked for; on: messages are shown.
 */
export type NotifyState = "unsupported" | "blocked" | "off" | "on";

/** The page's Notification API, or undefined where there is none (iOS Safari outside home-screen apps). */
export function browserNotifications(): NotificationApi | undefined {
  const api = (globalThis as { Notification?: NotificationApi }).Notification;
  return typeof api === "function" ? api : undefined;
}

export class DesktopNotifier {
  /**
   * @param api     the Notification API, or undefined where there is none
   * @param wanted  whether the visitor turned notifications on earlier (stored)
   * @param onWantedChange  called with the visitor's new choice, to store it
   */
  constructor(
    private readonly api: NotificationApi | undefined,
    private wanted: boolean,
    private readonly onWantedChange: (wanted: boolean) => void,
  ) {}

  get state(): NotifyState {
    if (!this.api) return "unsupported";
    if (this.api.permission === "denied") return "blocked";
    return this.wanted && this.api.permission === "granted" ? "on" : "off";
  }

  /**
   * Turns notifications off when on; otherwise on, asking the browser first if needed. Must be
   * called from a user gesture (browsers ignore or penalise permission prompts without one).
   */
  async toggle(): Promise<NotifyState> {
    if (!this.api) return this.state;
    if (this.state === "on") {
      this.setWanted(false);
      return this.state;
    }
    let permission = this.api.permission;
    if (permission === "default") {
      try {
        permission = await this.api.requestPermission();
      } catch {
        permission = "default"; // A browser that refuses to ask (e.g. in a sandboxed frame).
      }
    }
    this.setWanted(permission === "granted");
    return this.state;
  }

  /** Shows a notification if the visitor turned them on; a click focuses the page and runs `onClick`. */
  show(title: string, body: string, lang: string, dir: TextDirection, onClick: () => void): void {
    if (!this.api || this.state !== "on") return;
    let notification: NotificationLike;
    try {
      // One tag for the widget: a newer message replaces the older one instead of piling up.
      notification = new this.api(title, { body, lang, dir, tag: "ringdesk-chat" });
    } catch {
      return; // Android Chrome allows notifications only from service workers and throws here.
    }
    notification.onclick = () => {
      globalThis.focus?.();
      onClick();
      notification.close();
    };
  }

  private setWanted(wanted: boolean): void {
    if (wanted === this.wanted) return;
    this.wanted = wanted;
    this.onWantedChange(wanted);
  }
}
