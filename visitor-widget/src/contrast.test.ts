import { describe, expect, it } from "vitest";
import { BLACK, contrastRatio, parseColor, relativeLuminance, toCss, WHITE } from "./contrast";

describe("parseColor", () => {
  it.each([
    ["#f2c14e", { r: 242, g: 193, b: 78 }],
    ["#F2C14E", { r: 242, g: 193, b: 78 }],
    ["#abc", { r: 170, g: 187, b: 204 }],
    ["#abcd", { r: 170, g: 187, b: 204 }],
    ["#11223380", { r: 17, g: 34, b: 51 }],
    ["rgb(10, 20, 30)", { r: 10, g: 20, b: 30 }],
    ["rgba(10,20,30,0.5)", { r: 10, g: 20, b: 30 }],
    ["rgb(10 20 30 / 50%)", { r: 10, g: 20, b: 30 }],
    ["  rgb(300, -4, 12.6) ", { r: 255, g: 0, b: 13 }],
    ["color(srgb 1 0.5 0)", { r: 255, g: 128, b: 0 }],
  ])("reads %s", (css, rgb) => {
    expect(parseColor(css)).toEqual(rgb);
  });

  it.each(["", "red", "hsl(0 100% 50%)", "#12", "#12345", "rgb(1, 2)", "rgb(a, b, c)", "rgb(1,2,3,4,5)", "color(display-p3 1 0 0)", "url(x)"])(
    "leaves %j to the browser",
    (css) => {
      expect(parseColor(css)).toBeNull();
    },
  );
});

describe("contrast", () => {
  it("follows WCAG 2.1's relative luminance", () => {
    expect(relativeLuminance(BLACK)).toBe(0);
    expect(relativeLuminance(WHITE)).toBeCloseTo(1, 10);
    expect(relativeLuminance({ r: 255, g: 0, b: 0 })).toBeCloseTo(0.2126, 4);
  });

  it("computes the ratios of known pairs, in either order", () => {
    expect(contrastRatio(WHITE, BLACK)).toBeCloseTo(21, 5);
    expect(contrastRatio(BLACK, WHITE)).toBeCloseTo(21, 5);
    expect(contrastRatio(WHITE, WHITE)).toBe(1);
    // #767676 is the lightest grey that passes 4.5:1 on white, #777777 just fails.
    expect(contrastRatio(parseColor("#767676")!, WHITE)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(parseColor("#777777")!, WHITE)).toBeLessThan(4.5);
  });

  it("writes colours back as rgb()", () => {
    expect(toCss({ r: 1, g: 2, b: 3 })).toBe("rgb(1, 2, 3)");
  });
});
