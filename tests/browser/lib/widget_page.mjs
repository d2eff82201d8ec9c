import { waitUntil } from "./wait.mjs";

// The visitor's side: drives the widget in a page. Playwright's CSS and text locators pierce the
// widget's open shadow root, so the selectors below are the widget's own class names.

export class WidgetPage {
  /** @param {import("playwright-core").Page} page */
  constructor(page, timeoutMs = 10000) {
    this.page = page;
    this.timeoutMs = timeoutMs;
  }

  get panel() {
    return this.page.locator("#ringdesk-widget .panel");
  }

  async goto(url) {
    await this.page.goto(url, { waitUntil: "load", timeout: this.timeoutMs });
    // The bubble is hidden while the panel is open on a phone, so wait for it to exist only.
    await this.page.locator("#ringdesk-widget .bubble").waitFor({ state: "attached", timeout: this.timeoutMs });
  }

  /** Opens the panel unless it is open already (the widget remembers it across reloads). */
  async open() {
    if (!(await this.panel.isVisible())) await this.page.locator("#ringdesk-widget .bubble").click();
    await this.panel.waitFor({ state: "visible", timeout: this.timeoutMs });
  }

  /** Types like a person (so typing states are sent), then presses Enter. */
  async write(text, { send = true } = {}) {
    const box = this.page.locator("#ringdesk-widget .composer textarea");
    await box.click();
    await box.pressSequentially(text, { delay: 5 });
    if (send) await box.press("Enter");
  }

  async pressEnter() {
    await this.page.locator("#ringdesk-widget .composer textarea").press("Enter");
  }

  /** Waits until the header status line reads exactly `text`. */
  async expectStatus(text) {
    await this.page
      .locator("#ringdesk-widget .status", { hasText: new RegExp(`^${escape(text)}$`) })
      .waitFor({ state: "visible", timeout: this.timeoutMs })
      .catch(async (error) => {
        throw new Error(`widget status is "${await this.statusText()}", expected "${text}" (${error.message.split("\n")[0]})`);
      });
  }

  async statusText() {
    return (await this.page.locator("#ringdesk-widget .status").textContent().catch(() => null)) ?? "(none)";
  }

  async expectTyping(text) {
    await this.page
      .locator("#ringdesk-widget .typing", { hasText: text })
      .waitFor({ state: "visible", timeout: this.timeoutMs });
  }

  /** Waits until the transcript shows exactly `texts`, in order, each confirmed by the server. */
  async expectTranscript(texts) {
    const wanted = JSON.stringify(texts.map((text) => `${text} (sent)`));
    let shown = [];
    await waitUntil(
      async () => {
        shown = await this.transcript();
        return JSON.stringify(shown) === wanted;
      },
      { what: `transcript ${wanted}`, timeoutMs: this.timeoutMs },
    ).catch((error) => {
      throw new Error(`${error.message}; the widget shows ${JSON.stringify(shown)}`);
    });
  }

  /** The transcript as "text (status)" strings. */
  async transcript() {
    return this.page.locator("#ringdesk-widget .msg").evaluateAll((nodes) =>
      nodes.map((node) => {
        const status = ["pending", "failed", "sent"].find((s) => node.classList.contains(s)) ?? "?";
        return `${node.querySelector(".text")?.textContent ?? ""} (${status})`;
      }),
    );
  }

  /** The widget control that has the keyboard focus ("textarea.…", "button.bubble"), or null. */
  async focusedControl() {
    return this.page.evaluate(() => {
      const active = document.getElementById("ringdesk-widget")?.shadowRoot?.activeElement;
      return active ? `${active.localName}.${[...active.classList].join(".")}` : null;
    });
  }

  /** Waits until the focus is on the widget control matching `expected` (as focusedControl names it). */
  async expectFocus(expected, when) {
    let focused = null;
    await waitUntil(
      async () => {
        focused = await this.focusedControl();
        return focused !== null && focused.startsWith(expected);
      },
      { what: `focus on ${expected} ${when}`, timeoutMs: this.timeoutMs },
    ).catch((error) => {
      throw new Error(`${error.message}; the focus is on ${focused ?? "nothing in the widget"}`);
    });
  }

  /** Opens the panel from the keyboard: focus on the bubble, then Enter. */
  async openWithKeyboard() {
    await this.page.locator("#ringdesk-widget .bubble").focus();
    await this.page.keyboard.press("Enter");
    await this.panel.waitFor({ state: "visible", timeout: this.timeoutMs });
  }

  /**
   * The controls Shift+Tab visits from the message box until the focus leaves the panel, in
   * visiting order: proof that each of them is reachable from the keyboard.
   */
  async keyboardOrderBackwards() {
    await this.page.locator("#ringdesk-widget .composer textarea").focus();
    const visited = [];
    for (let i = 0; i < 12; i += 1) {
      await this.page.keyboard.press("Shift+Tab");
      const inPanel = await this.page.evaluate(() => {
        const root = document.getElementById("ringdesk-widget")?.shadowRoot;
        return Boolean(root?.activeElement && root.querySelector(".panel")?.contains(root.activeElement));
      });
      if (!inPanel) break;
      visited.push(await this.focusedControl());
    }
    return visited;
  }

  /** An attribute of the first element matching `selector` in the widget. */
  async attribute(selector, name) {
    return this.page.locator(`#ringdesk-widget ${selector}`).first().getAttribute(name);
  }

  /** Computed style properties of the first element matching `selector` in the widget. */
  async style(selector, ...properties) {
    return this.page.locator(`#ringdesk-widget ${selector}`).first().evaluate(
      (node, names) => Object.fromEntries(names.map((name) => [name, getComputedStyle(node).getPropertyValue(name)])),
      properties,
    );
  }

  /** The bounding box of the first element matching `selector` in the widget. */
  async box(selector) {
    const box = await this.page.locator(`#ringdesk-widget ${selector}`).first().boundingBox();
    if (!box) throw new Error(`${selector} is not visible`);
    return box;
  }

  /** Saves a screenshot of the panel and the bubble with a margin of the page around them. */
  async screenshotPanel(path, margin = 16) {
    const boxes = [await this.box(".panel"), await this.box(".bubble")];
    const viewport = this.page.viewportSize();
    const left = Math.max(0, Math.min(...boxes.map((b) => b.x)) - margin);
    const top = Math.max(0, Math.min(...boxes.map((b) => b.y)) - margin);
    const right = Math.min(viewport.width, Math.max(...boxes.map((b) => b.x + b.width)) + margin);
    const bottom = Math.min(viewport.height, Math.max(...boxes.map((b) => b.y + b.height)) + margin);
    await this.page.screenshot({ path, clip: { x: left, y: top, width: right - left, height: bottom - top } });
  }

  /**
   * Makes the page report itself hidden (or visible again) and fires visibilitychange. Headless
   * Chromium shows every tab, so the Page Visibility API is overridden in the page itself.
   */
  async setHidden(hidden) {
    await this.page.evaluate((isHidden) => {
      Object.defineProperty(document, "visibilityState", { configurable: true, get: () => (isHidden ? "hidden" : "visible") });
      Object.defineProperty(document, "hidden", { configurable: true, get: () => isHidden });
      document.dispatchEvent(new Event("visibilitychange"));
    }, hidden);
  }

  async expectVisibleText(text) {
    await this.page.locator("#ringdesk-widget").getByText(text, { exact: true }).waitFor({ state: "visible", timeout: this.timeoutMs });
  }
}

function escape(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
