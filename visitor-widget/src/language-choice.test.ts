// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import { chooseLanguage, languageCandidates } from "./language-choice";
import { findLanguage, primarySubtag } from "./languages";

afterEach(() => document.documentElement.removeAttribute("lang"));

describe("chooseLanguage", () => {
  it("takes the first candidate the widget speaks", () => {
    expect(chooseLanguage(["de", "fr"]).code).toBe("de");
    expect(chooseLanguage([undefined, null, "", "fr"]).code).toBe("fr");
  });

  it("ignores region and script subtags", () => {
    expect(chooseLanguage(["de-AT"]).code).toBe("de");
    expect(chooseLanguage(["es_419"]).code).toBe("es");
    expect(chooseLanguage(["AR-eg"]).code).toBe("ar");
    expect(chooseLanguage(["fr-Latn-CA"]).code).toBe("fr");
  });

  it("skips languages it lacks and falls back to English", () => {
    expect(chooseLanguage(["it", "pt-BR", "es"]).code).toBe("es");
    expect(chooseLanguage(["it", "ja"]).code).toBe("en");
    expect(chooseLanguage([]).code).toBe("en");
  });

  it("does not mistake things that are not language tags for languages", () => {
    expect(primarySubtag("deutsch")).toBe("");
    expect(primarySubtag("de;q=0.8")).toBe("");
    expect(findLanguage("d")).toBeUndefined();
    expect(chooseLanguage(["<b>ar</b>", "de"]).code).toBe("de");
  });
});

describe("languageCandidates", () => {
  it("orders the snippet's request, the page's lang, then the browser's languages", () => {
    document.documentElement.setAttribute("lang", "fr-CH");
    expect(languageCandidates("ar", document, { languages: ["es-MX", "de"] })).toEqual(["ar", "fr-CH", "es-MX", "de"]);
    expect(chooseLanguage(languageCandidates(undefined, document, { languages: ["de"] })).code).toBe("fr");
  });

  it("uses the browser when the page has no lang, and navigator.language without a list", () => {
    expect(chooseLanguage(languageCandidates(undefined, document, { languages: ["it", "de-DE"] })).code).toBe("de");
    expect(chooseLanguage(languageCandidates(undefined, document, { languages: [], language: "es" })).code).toBe("es");
    expect(chooseLanguage(languageCandidates(undefined, document, undefined)).code).toBe("en");
  });
});
