/**
 * Which language the widget speaks on a page: the embed snippet's `data-lang` first, then the
 * host page's `<html lang>` (the language the visitor is reading), then the browser's preferred
 * languages, then English. The first of these the widget has strings for wins.
 */
import { FALLBACK_LANGUAGE, findLanguage } from "./languages";
import type { Language } from "./strings";

/** Returns the first candidate the widget speaks, or English when none matches. */
export function chooseLanguage(candidates: Iterable<string | null | undefined>): Language {
  for (const candidate of candidates) {
    const language = findLanguage(candidate);
    if (language) return language;
  }
  return FALLBACK_LANGUAGE;
}

/** The subset of Navigator that holds the visitor's language preferences. */
export interface LanguagePreferences {
  readonly languages?: readonly string[];
  readonly language?: string;
}

/** The candidates in order: the snippet's request, the page's lang, the browser's list. */
export function languageCandidates(
  requested: string | undefined,
  doc: Document,
  browser: LanguagePreferences | undefined,
): Array<string | null | undefined> {
  const fromBrowser = browser?.languages?.length ? browser.languages : [browser?.language];
  return [requested, doc.documentElement?.getAttribute("lang"), ...fromBrowser];
}
