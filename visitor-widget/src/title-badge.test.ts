// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { en } from "./lang-en";
import { TitleBadge } from "./title-badge";

let visibility: DocumentVisibilityState = "visible";
let badge: TitleBadge;

function show(state: DocumentVisibilityState): void {
  visibility = state;
  document.dispatchEvent(new Event("visibilitychange"));
}

beforeEach(() => {
  Object.defineProperty(document, "visibilityState", { configurable: true, get: () => visibility });
  visibility = "visible";
  document.title = "Fernwood Tea";
  badge = new TitleBadge(document, en.strings.tabTitle);
});

afterEach(() => badge.stop());

describe("TitleBadge", () => {
  it("counts messages in the title while the page is hidden and restores it when visible", () => {
    show("hidden");
    badge.add();
    expect(document.title).toBe("(1) New message – Fernwood Tea");
    badge.add();
    expect(document.title).toBe("(2) New messages – Fernwood Tea");
    show("visible");
    expect(document.title).toBe("Fernwood Tea");
    show("hidden");
    badge.add();
    expect(document.title).toBe("(1) New message – Fernwood Tea");
  });

  it("leaves the title alone while the page is visible", () => {
    badge.add();
    expect(document.title).toBe("Fernwood Tea");
  });

  it("decorates a title the page set meanwhile, and never restores over one", () => {
    show("hidden");
    badge.add();
    document.title = "Cart (1) – Fernwood Tea";
    badge.add();
    expect(document.title).toBe("(2) New messages – Cart (1) – Fernwood Tea");
    document.title = "Checkout";
    show("visible");
    expect(document.title).toBe("Checkout");
  });

  it("puts the title back when the widget is removed", () => {
    show("hidden");
    badge.add();
    badge.stop();
    expect(document.title).toBe("Fernwood Tea");
  });
});
