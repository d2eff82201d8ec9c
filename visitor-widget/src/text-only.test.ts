/**
 * Guards ARCHITECTURE.md's rule "text always inserted as text (never as HTML)": no widget source
 * may use an API that parses HTML, so nothing a visitor or operator writes can become markup.
 */
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const srcDir = fileURLToPath(new URL(".", import.meta.url));
const sources = readdirSync(srcDir).filter((name) => name.endsWith(".ts") && !name.endsWith(".test.ts"));
const HTML_SINKS = /\b(innerHTML|outerHTML|insertAdjacentHTML|createContextualFragment|document\.write|DOMParser)\b/;

describe("widget sources", () => {
  it.each(sources)("%s builds the DOM without parsing HTML", (name) => {
    expect(readFileSync(`${srcDir}/${name}`, "utf8")).not.toMatch(HTML_SINKS);
  });
});
