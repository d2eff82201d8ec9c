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

  async expectVisibleText(text) {
    await this.page.locator("#ringdesk-widget").getByText(text, { exact: true }).waitFor({ state: "visible", timeout: this.timeoutMs });
  }
}

function escape(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
