// Desktop notifications in headless Chromium: the permission is granted up front (as if the
// visitor had accepted the browser's prompt) and every notification the page creates is recorded,
// since headless Chromium shows none.

/** Grants notifications to `origin` and records window.Notification calls in every page of `context`. */
export async function recordNotifications(context, origin) {
  await context.grantPermissions(["notifications"], { origin });
  await context.addInitScript(() => {
    const Real = window.Notification;
    if (typeof Real !== "function") return;
    const shown = [];
    Object.defineProperty(window, "__ringdeskTestNotifications", { value: shown });
    window.Notification = new Proxy(Real, {
      construct(target, args) {
        shown.push({ title: args[0], body: args[1]?.body ?? null });
        return Reflect.construct(target, args);
      },
    });
  });
}

/** The notifications the page created so far, as {title, body}. */
export function shownNotifications(page) {
  return page.evaluate(() => window.__ringdeskTestNotifications ?? []);
}
