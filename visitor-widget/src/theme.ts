/**
 * The accent colour and the colours derived from it so that every pairing passes WCAG 2.1 AA:
 * the text on the accent (white or black), the accent used as text on white (links), and the
 * focus ring on white. The style sheet reads them as custom properties on the widget's host.
 */
import { AA_NON_TEXT, AA_TEXT, BLACK, contrastRatio, parseColor, toCss, WHITE, type Rgb } from "./contrast";

/** The accent when the embed snippet sets none; its theme is the style sheet's default. */
export const DEFAULT_ACCENT: Rgb = { r: 0x2f, g: 0x6f, b: 0xed };
/** The widget's body text colour, also used where the accent is too light to show on white. */
export const DARK_TEXT: Rgb = { r: 0x1d, g: 0x23, b: 0x30 };

export interface AccentTheme {
  /** The accent, opaque. */
  accent: string;
  /** Text and icons on the accent. */
  onAccent: string;
  /** The accent where it is text on white (links such as Retry), or the body text colour. */
  ink: string;
  /** Focus ring on white. */
  focus: string;
}

/**
 * White text when it reaches 4.5:1 on the accent, otherwise black, which then always does: no
 * colour has less than about 4.6:1 against both. White is preferred at a pass because coloured
 * buttons conventionally carry light text and read better with it than the ratio suggests.
 */
export function accentTheme(accent: Rgb): AccentTheme {
  const onWhite = contrastRatio(accent, WHITE);
  return {
    accent: toCss(accent),
    onAccent: toCss(onWhite >= AA_TEXT ? WHITE : BLACK),
    ink: toCss(onWhite >= AA_TEXT ? accent : DARK_TEXT),
    focus: toCss(onWhite >= AA_NON_TEXT ? accent : DARK_TEXT),
  };
}

/**
 * Any CSS colour the browser understands (names, hsl(), …) as sRGB, or null if it is not a colour.
 * Hex and rgb() are read directly; other forms go through the computed style of a probe element
 * under `parent`, which browsers serialise as rgb().
 */
export function resolveColor(css: string, parent: HTMLElement): Rgb | null {
  const direct = parseColor(css);
  if (direct) return direct;
  const probe = parent.ownerDocument.createElement("span");
  probe.style.color = css;
  if (probe.style.color === "") return null;
  parent.appendChild(probe);
  const computed = parent.ownerDocument.defaultView?.getComputedStyle(probe).color ?? "";
  probe.remove();
  return parseColor(computed);
}

/** Sets the theme of `css` on the widget's host; an unusable colour keeps the default and warns. */
export function applyAccent(host: HTMLElement, css: string): void {
  const accent = resolveColor(css, host);
  if (!accent) {
    console.warn(`Ringdesk widget: data-color="${css}" is not a colour this browser can use; keeping the default`);
    return;
  }
  const theme = accentTheme(accent);
  host.style.setProperty("--rd-accent", theme.accent);
  host.style.setProperty("--rd-on-accent", theme.onAccent);
  host.style.setProperty("--rd-ink", theme.ink);
  host.style.setProperty("--rd-focus", theme.focus);
}
