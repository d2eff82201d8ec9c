/**
 * The languages the widget speaks. Every table is bundled: five tables cost less than the extra
 * request (and server route) a table loaded on demand would need.
 */
import { ar } from "./lang-ar";
import { de } from "./lang-de";
import { en } from "./lang-en";
import { es } from "./lang-es";
import { fr } from "./lang-fr";
import type { Language } from "./strings";

export const LANGUAGES: readonly Language[] = [en, de, fr, es, ar];

/** Spoken when no preference matches. */
export const FALLBACK_LANGUAGE: Language = en;

/**
 * The primary subtag of a BCP 47 tag in lower case ("de-AT" → "de", "pt_BR" → "pt"), or "" when
 * `tag` is not a language tag at all.
 */
export function primarySubtag(tag: string): string {
  const match = /^\s*([a-z]{2,3})(?:[-_][a-z0-9]{1,8})*\s*$/i.exec(tag);
  return match ? match[1].toLowerCase() : "";
}

/** The language for `tag` (any region or script subtag ignored), or undefined if the widget lacks it. */
export function findLanguage(tag: string | null | undefined): Language | undefined {
  if (!tag) return undefined;
  const code = primarySubtag(tag);
  return LANGUAGES.find((language) => language.code === code);
}
