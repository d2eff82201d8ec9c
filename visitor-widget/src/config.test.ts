// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from "vitest";
import { configFromScript, parsePosition } from "./config";
import { en } from "./lang-en";

function script(src: string, data: Record<string, string> = {}): HTMLScriptElement {
  const tag = document.createElement("script");
  tag.src = src;
  Object.assign(tag.dataset, data);
  return tag;
}

afterEach(() => {
  document.documentElement.removeAttribute("lang");
  vi.restoreAllMocks();
});

describe("configFromScript", () => {
  it("derives the server from its script tag", () => {
    expect(configFromScript(script("https://desk.example:8443/widget.js"))).toEqual({
      serverOrigin: "https://desk.example:8443",
      wsUrl: "wss://desk.example:8443/visitor/ws",
      title: undefined,
      greeting: undefined,
      visitorName: "",
      accent: undefined,
      position: "bottom-right",
      language: en,
    });
    expect(configFromScript(script("http://127.0.0.1:8080/static/widget.js")).wsUrl).toBe("ws://127.0.0.1:8080/visitor/ws");
  });

  it("reads every option of the snippet", () => {
    const config = configFromScript(
      script("https://desk.example/widget.js", {
        title: " Shop help ",
        greeting: "Hello from Fernwood!",
        name: "Ann",
        color: "#f2c14e",
        position: "Bottom-Left",
        lang: "ar",
      }),
    );
    expect(config).toMatchObject({
      title: "Shop help",
      greeting: "Hello from Fernwood!",
      visitorName: "Ann",
      accent: "#f2c14e",
      position: "bottom-left",
    });
    expect(config.language.code).toBe("ar");
  });

  it("treats blank attributes as absent", () => {
    const config = configFromScript(script("https://desk.example/widget.js", { title: "  ", greeting: "", color: " ", lang: "" }));
    expect(config).toMatchObject({ title: undefined, greeting: undefined, accent: undefined, language: en });
  });

  it("speaks the page's language unless the snippet names one", () => {
    document.documentElement.setAttribute("lang", "de-CH");
    expect(configFromScript(script("https://desk.example/widget.js")).language.code).toBe("de");
    expect(configFromScript(script("https://desk.example/widget.js", { lang: "fr" })).language.code).toBe("fr");
  });

  it("warns about a language it lacks and chooses from the page instead", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    document.documentElement.setAttribute("lang", "es");
    expect(configFromScript(script("https://desk.example/widget.js", { lang: "it" })).language.code).toBe("es");
    expect(warn).toHaveBeenCalledOnce();
  });

  it("refuses a src it cannot reach by WebSocket", () => {
    expect(() => configFromScript(script("data:text/javascript,1"))).toThrow(/cannot derive the server/);
  });
});

describe("parsePosition", () => {
  it("knows both corners and defaults to bottom-right", () => {
    expect(parsePosition(undefined)).toBe("bottom-right");
    expect(parsePosition("bottom-left")).toBe("bottom-left");
    expect(parsePosition(" BOTTOM-RIGHT ")).toBe("bottom-right");
  });

  it("warns about an unknown corner", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    expect(parsePosition("top-left")).toBe("bottom-right");
    expect(warn).toHaveBeenCalledOnce();
  });
});
