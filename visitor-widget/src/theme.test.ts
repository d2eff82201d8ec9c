// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from "vitest";
import { AA_NON_TEXT, AA_TEXT, contrastRatio, parseColor, WHITE, type Rgb } from "./contrast";
import { accentTheme, applyAccent, DEFAULT_ACCENT, resolveColor } from "./theme";

const rgb = (css: string): Rgb => {
  const parsed = parseColor(css);
  if (!parsed) throw new Error(`not a colour: ${css}`);
  return parsed;
};

// Accents a site might pick: brand blues, greens, reds, yellows, greys, near-white, near-black,
// and the middle greys where black and white text come closest to each other.
const ACCENTS = ["#2f6fed", "#f2c14e", "#ffeb3b", "#00a86b", "#d92d20", "#6b21a8", "#0b1f3a", "#ffffff",
  "#000000", "#777777", "#767676", "#949494", "#ff7f50", "#40e0d0", "#1e90ff", "#808000"];

describe("accentTheme", () => {
  it("keeps white text on the default blue, which passes 4.5:1", () => {
    expect(accentTheme(DEFAULT_ACCENT)).toEqual({
      accent: "rgb(47, 111, 237)",
      onAccent: "rgb(255, 255, 255)",
      ink: "rgb(47, 111, 237)",
      focus: "rgb(47, 111, 237)",
    });
  });

  it("turns the text black on a light accent and uses dark ink and focus on white", () => {
    expect(accentTheme(rgb("#f2c14e"))).toEqual({
      accent: "rgb(242, 193, 78)",
      onAccent: "rgb(0, 0, 0)",
      ink: "rgb(29, 35, 48)",
      focus: "rgb(29, 35, 48)",
    });
  });

  it("keeps an accent that is too light for text but strong enough for a focus ring", () => {
    // #949494 is 3.03:1 on white: below 4.5 for text, above 3 for a component.
    const theme = accentTheme(rgb("#949494"));
    expect(theme.ink).toBe("rgb(29, 35, 48)");
    expect(theme.focus).toBe("rgb(148, 148, 148)");
  });

  it.each(ACCENTS)("gives %s pairings that pass WCAG 2.1 AA", (css) => {
    const theme = accentTheme(rgb(css));
    expect(contrastRatio(rgb(theme.onAccent), rgb(theme.accent))).toBeGreaterThanOrEqual(AA_TEXT);
    expect(contrastRatio(rgb(theme.ink), WHITE)).toBeGreaterThanOrEqual(AA_TEXT);
    expect(contrastRatio(rgb(theme.focus), WHITE)).toBeGreaterThanOrEqual(AA_NON_TEXT);
  });
});

describe("applyAccent", () => {
  afterEach(() => {
    document.body.replaceChildren();
    vi.restoreAllMocks();
  });

  it("sets the accent and its partners on the host", () => {
    const host = document.body.appendChild(document.createElement("div"));
    applyAccent(host, "#f2c14e");
    expect(host.style.getPropertyValue("--rd-accent")).toBe("rgb(242, 193, 78)");
    expect(host.style.getPropertyValue("--rd-on-accent")).toBe("rgb(0, 0, 0)");
    expect(host.style.getPropertyValue("--rd-ink")).toBe("rgb(29, 35, 48)");
    expect(host.style.getPropertyValue("--rd-focus")).toBe("rgb(29, 35, 48)");
    expect(host.childElementCount).toBe(0);
  });

  it("keeps the default and warns when the value is not a colour", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const host = document.body.appendChild(document.createElement("div"));
    applyAccent(host, "not a colour");
    expect(host.style.getPropertyValue("--rd-accent")).toBe("");
    expect(warn).toHaveBeenCalledOnce();
    expect(resolveColor("url(x)", host)).toBeNull();
  });
});
