/**
 * The embed snippet's options: data- attributes on the widget's own <script> tag (documented in
 * docs/visitor-api.md, "Embedding the widget"). Blank attributes count as absent; a value the
 * widget cannot use is reported on the console and replaced by the default.
 */
import { chooseLanguage, languageCandidates } from "./language-choice";
import { findLanguage } from "./languages";
import { VISITOR_WS_PATH } from "./protocol";
import type { Language } from "./strings";

export const POSITIONS = ["bottom-right", "bottom-left"] as const;
/** The corner of the viewport that holds the launcher bubble and the panel. */
export type WidgetPosition = (typeof POSITIONS)[number];

export interface WidgetConfig {
  /** Origin of the server, e.g. "https://desk.example". */
  serverOrigin: string;
  /** ws(s) URL of the visitor endpoint. */
  wsUrl: string;
  /** data-title; the language's default title when absent. */
  title?: string;
  /** data-greeting, shown in an empty conversation; the language's default when absent. */
  greeting?: string;
  /** data-name: the visitor's name, if the site knows it. */
  visitorName: string;
  /** data-color: any CSS colour. */
  accent?: string;
  position: WidgetPosition;
  /** From data-lang, the page's lang or the browser's languages (language-choice.ts). */
  language: Language;
}

/** The trimmed value, or undefined when it is absent or blank. */
function option(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

/** data-position; anything but a known corner falls back to bottom-right. */
export function parsePosition(value: string | undefined): WidgetPosition {
  const wanted = option(value)?.toLowerCase();
  if (wanted === undefined) return "bottom-right";
  const known = POSITIONS.find((position) => position === wanted);
  if (!known) console.warn(`Ringdesk widget: data-position="${value}" is not one of ${POSITIONS.join(", ")}; using bottom-right`);
  return known ?? "bottom-right";
}

/** Derives the configuration from the widget's <script> element. Throws if src is not http(s). */
export function configFromScript(script: HTMLScriptElement): WidgetConfig {
  const doc = script.ownerDocument;
  const src = new URL(script.src, doc.baseURI);
  if (src.protocol !== "http:" && src.protocol !== "https:") {
    throw new Error(`Ringdesk widget: cannot derive the server from src ${src.href}`);
  }
  const ws = new URL(VISITOR_WS_PATH, src);
  ws.protocol = src.protocol === "https:" ? "wss:" : "ws:";
  const data = script.dataset;
  const lang = option(data.lang);
  if (lang && !findLanguage(lang)) console.warn(`Ringdesk widget: no strings for data-lang="${lang}"; choosing from the page and the browser`);
  return {
    serverOrigin: src.origin,
    wsUrl: ws.href,
    title: option(data.title),
    greeting: option(data.greeting),
    visitorName: option(data.name) ?? "",
    accent: option(data.color),
    position: parsePosition(data.position),
    language: chooseLanguage(languageCandidates(lang, doc, doc.defaultView?.navigator)),
  };
}
