/**
 * The style sheet: its colour defaults are theme.ts's and pass WCAG 2.1 AA, and the panel is
 * placed with logical properties only, so dir="rtl" mirrors it.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { AA_NON_TEXT, AA_TEXT, contrastRatio, parseColor, WHITE, type Rgb } from "./contrast";
import { accentTheme, DARK_TEXT, DEFAULT_ACCENT } from "./theme";

const css = readFileSync(fileURLToPath(new URL("./widget.css", import.meta.url)), "utf8");
const rules = css.replace(/\/\*[\s\S]*?\*\//g, "");

function property(name: string): Rgb {
  const value = new RegExp(`${name}:\\s*([^;]+);`).exec(rules)?.[1] ?? "";
  const parsed = parseColor(value);
  if (!parsed) throw new Error(`${name} is not a colour in widget.css: "${value}"`);
  return parsed;
}

describe("widget.css", () => {
  it("starts from the theme of the default accent", () => {
    const theme = accentTheme(DEFAULT_ACCENT);
    expect(property("--rd-accent")).toEqual(parseColor(theme.accent));
    expect(property("--rd-on-accent")).toEqual(parseColor(theme.onAccent));
    expect(property("--rd-ink")).toEqual(parseColor(theme.ink));
    expect(property("--rd-focus")).toEqual(parseColor(theme.focus));
    expect(property("--rd-text")).toEqual(DARK_TEXT);
  });

  it("has muted text and field borders that pass AA on their backgrounds", () => {
    expect(contrastRatio(property("--rd-muted"), WHITE)).toBeGreaterThanOrEqual(AA_TEXT);
    expect(contrastRatio(property("--rd-text"), property("--rd-operator-bg"))).toBeGreaterThanOrEqual(AA_TEXT);
    expect(contrastRatio(property("--rd-field"), WHITE)).toBeGreaterThanOrEqual(AA_NON_TEXT);
  });

  it("places things inside the panel with logical properties only", () => {
    const physical = /\b(margin|padding|border)-(left|right)\b|border-(top|bottom)-(left|right)-radius|text-align:\s*(left|right)|float:\s*(left|right)/g;
    expect(rules.match(physical)).toBeNull();
    // The launcher's corner is the one physical choice (data-position), on .bubble and .panel only.
    const sides = [...rules.matchAll(/([^{}]+)\{[^}]*\b(left|right):/g)].map((match) => match[1].trim());
    expect(sides).toEqual([".bubble", ".panel", ":host(.left) .bubble, :host(.left) .panel"]);
  });
});
