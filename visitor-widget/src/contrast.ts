/**
 * Colour arithmetic of WCAG 2.1: parsing the colour forms a browser computes, relative luminance
 * (§ "relative luminance") and contrast ratio (success criterion 1.4.3). Pure functions, no DOM.
 */

/** An opaque sRGB colour, channels 0–255. */
export interface Rgb {
  r: number;
  g: number;
  b: number;
}

const clamp = (value: number): number => Math.min(255, Math.max(0, Math.round(value)));

function fromChannels(tokens: string[], scale: number): Rgb | null {
  const [r, g, b] = tokens.map((token) => Number(token) * scale);
  if (tokens.length < 3 || ![r, g, b].every(Number.isFinite)) return null;
  return { r: clamp(r), g: clamp(g), b: clamp(b) };
}

/**
 * Parses #rgb, #rgba, #rrggbb, #rrggbbaa, rgb()/rgba() with numeric channels (comma or space
 * syntax) and color(srgb r g b): what people write most and what browsers compute. Alpha is
 * dropped: the widget always paints its accent opaque. Returns null for anything else (names,
 * hsl(), percentages: theme.ts has the browser compute those).
 */
export function parseColor(css: string): Rgb | null {
  const text = css.trim().toLowerCase();
  const hex = /^#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/.exec(text);
  if (hex) {
    const digits = hex[1].length <= 4 ? [...hex[1]].map((digit) => digit + digit).join("") : hex[1];
    return { r: parseInt(digits.slice(0, 2), 16), g: parseInt(digits.slice(2, 4), 16), b: parseInt(digits.slice(4, 6), 16) };
  }
  const call = /^(rgba?|color)\(([^)]*)\)$/.exec(text);
  if (!call) return null;
  const tokens = call[2].split("/")[0].split(/[\s,]+/).filter((token) => token !== "");
  if (call[1] !== "color") return tokens.length <= 4 ? fromChannels(tokens.slice(0, 3), 1) : null;
  return tokens[0] === "srgb" ? fromChannels(tokens.slice(1, 4), 255) : null;
}

/** Relative luminance, 0 (black) … 1 (white), as WCAG 2.1 defines it. */
export function relativeLuminance({ r, g, b }: Rgb): number {
  const linear = (channel: number): number => {
    const c = channel / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** Contrast ratio of two colours, 1 … 21, in either order. */
export function contrastRatio(a: Rgb, b: Rgb): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

/** WCAG 2.1 AA minimum for normal text (1.4.3) and for user-interface components (1.4.11). */
export const AA_TEXT = 4.5;
export const AA_NON_TEXT = 3;

export const WHITE: Rgb = { r: 255, g: 255, b: 255 };
export const BLACK: Rgb = { r: 0, g: 0, b: 0 };

export const toCss = ({ r, g, b }: Rgb): string => `rgb(${r}, ${g}, ${b})`;
