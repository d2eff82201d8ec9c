import { describe, expect, it, vi } from "vitest";
import { DesktopNotifier, type NotificationApi, type NotificationLike } from "./notifications";

/** A stand-in for window.Notification that records what it was asked. */
function fakeApi(permission: NotificationPermission, answer: NotificationPermission = "granted") {
  const shown: Array<{ title: string; options?: NotificationOptions; instance: NotificationLike }> = [];
  const requestPermission = vi.fn(async () => {
    Api.permission = answer;
    return answer;
  });
  class Api implements NotificationLike {
    static permission: NotificationPermission = permission;
    static requestPermission = requestPermission;
    onclick: ((event: Event) => void) | null = null;
    close = vi.fn();
    constructor(title: string, options?: NotificationOptions) {
      shown.push({ title, options, instance: this });
    }
  }
  return { api: Api as unknown as NotificationApi, shown, requestPermission };
}

describe("DesktopNotifier", () => {
  it("asks for permission only when the visitor presses the button", async () => {
    const { api, requestPermission } = fakeApi("default");
    const stored: boolean[] = [];
    const notifier = new DesktopNotifier(api, false, (wanted) => stored.push(wanted));
    expect(notifier.state).toBe("off");
    expect(requestPermission).not.toHaveBeenCalled();
    expect(await notifier.toggle()).toBe("on");
    expect(requestPermission).toHaveBeenCalledOnce();
    expect(stored).toEqual([true]);
    expect(await notifier.toggle()).toBe("off");
    expect(stored).toEqual([true, false]);
  });

  it("stays off when the visitor refuses, and reports the block", async () => {
    const { api } = fakeApi("default", "denied");
    const notifier = new DesktopNotifier(api, false, () => {});
    expect(await notifier.toggle()).toBe("blocked");
  });

  it("is unsupported without the API", async () => {
    const notifier = new DesktopNotifier(undefined, true, () => {});
    expect(notifier.state).toBe("unsupported");
    expect(await notifier.toggle()).toBe("unsupported");
    notifier.show("t", "b", "en", "ltr", () => {});
  });

  it("shows messages only when turned on, as text, and opens the chat on click", () => {
    const { api, shown } = fakeApi("granted");
    const off = new DesktopNotifier(api, false, () => {});
    off.show("New message from Alice", "hi", "en", "ltr", () => {});
    expect(shown).toHaveLength(0);

    const opened = vi.fn();
    const on = new DesktopNotifier(api, true, () => {});
    expect(on.state).toBe("on");
    on.show("رسالة جديدة من Alice", "<b>hi</b>", "ar", "rtl", opened);
    expect(shown).toHaveLength(1);
    expect(shown[0].title).toBe("رسالة جديدة من Alice");
    expect(shown[0].options).toMatchObject({ body: "<b>hi</b>", lang: "ar", dir: "rtl", tag: "ringdesk-chat" });
    shown[0].instance.onclick?.(new Event("click"));
    expect(opened).toHaveBeenCalledOnce();
    expect(shown[0].instance.close).toHaveBeenCalledOnce();
  });

  it("turns on without asking again when the page already has permission", async () => {
    const { api, requestPermission } = fakeApi("granted");
    const notifier = new DesktopNotifier(api, false, () => {});
    expect(await notifier.toggle()).toBe("on");
    expect(requestPermission).not.toHaveBeenCalled();
  });
});
