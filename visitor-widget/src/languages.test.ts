/**
 * The translation tables: complete, consistent with English, and right to left where they must be.
 * The compiler already refuses a table with a missing key; these tests catch what it cannot
 * (an empty string, a sentence that drops the name, a wrong direction).
 */
import { describe, expect, it } from "vitest";
import { ar } from "./lang-ar";
import { en } from "./lang-en";
import { LANGUAGES } from "./languages";
import type { Strings } from "./strings";

const keys = Object.keys(en.strings).sort() as Array<keyof Strings>;
const isolates = /[\u2068\u2069]/g;

describe.each(LANGUAGES.map((language) => [language.code, language] as const))("the %s table", (_code, language) => {
  const s = language.strings;

  it("has exactly English's keys, none of them empty", () => {
    expect(Object.keys(s).sort()).toEqual(keys);
    for (const key of keys) {
      const value = s[key];
      if (typeof value === "string") expect(value.trim(), key).not.toBe("");
      else expect(typeof value, key).toBe("function");
    }
  });

  it("keeps the name, the text and the count in its sentences", () => {
    for (const sentence of [s.joined("Zoë"), s.typing("Zoë"), s.notificationTitle("Zoë"), s.announce("Zoë", "Bonjour <b>")]) {
      expect(sentence.replace(isolates, "")).toContain("Zoë");
    }
    expect(s.announce("Zoë", "Bonjour <b>").replace(isolates, "")).toContain("Bonjour <b>");
    expect(s.openChatUnread(7)).toContain("7");
    expect(s.tabTitle(7, "Fernwood Tea")).toMatch(/^\(7\) .+ – Fernwood Tea$/);
  });

  it("distinguishes one unread message from several", () => {
    expect(s.openChatUnread(1)).not.toBe(s.openChatUnread(5).replace("5", "1"));
  });

  it("names its direction", () => {
    expect(language.dir).toBe(language.code === "ar" ? "rtl" : "ltr");
  });
});

describe("Arabic", () => {
  it("uses the dual and the plural forms CLDR gives for 1, 2, 3–10 and 11–99", () => {
    const s = ar.strings;
    expect(s.tabTitle(1, "T")).toBe("(1) رسالة جديدة – T");
    expect(s.tabTitle(2, "T")).toBe("(2) رسالتان جديدتان – T");
    expect(s.tabTitle(3, "T")).toBe("(3) رسائل جديدة – T");
    expect(s.tabTitle(10, "T")).toBe("(10) رسائل جديدة – T");
    expect(s.tabTitle(11, "T")).toBe("(11) رسالة جديدة – T");
    expect(s.tabTitle(103, "T")).toBe("(103) رسائل جديدة – T");
    expect(s.openChatUnread(2)).toBe("فتح المحادثة، رسالتان غير مقروءتين");
    expect(s.openChatUnread(4)).toBe("فتح المحادثة، 4 رسائل غير مقروءة");
    expect(s.openChatUnread(25)).toBe("فتح المحادثة، 25 رسالة غير مقروءة");
  });

  it("isolates a Latin name so it cannot reorder the Arabic sentence around it", () => {
    expect(ar.strings.typing("Alice")).toBe("\u2068Alice\u2069 يكتب…");
  });
});
