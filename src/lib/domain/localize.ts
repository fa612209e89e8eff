/** Picking the text of a locale. No zod here: every page loads this. */
import type { Localized } from './text.ts';

export type Locale = 'fr' | 'en';

/** The text in the wanted locale, French when there is no translation. */
export function localize(text: Localized, locale: Locale = 'fr'): string {
	return (locale === 'en' ? text.en : undefined) ?? text.fr;
}

/** The language `localize(text, locale)` gives: French where the English is missing. */
export function localizedLang(text: Localized, locale: Locale = 'fr'): Locale {
	return locale === 'en' && text.en !== undefined ? 'en' : 'fr';
}
