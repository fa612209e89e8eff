import { getLocale } from '$lib/paraglide/runtime';
import { localize, localizedLang, type Locale } from '../domain/localize.ts';
import type { Localized } from '../domain/text.ts';

/** The language of the page: French unless English was chosen (`/en/…` or the switch). */
export const locale = (): Locale => getLocale();

/** A text of the questionnaires in the language of the page (French where English is missing). */
export const contentText = (text: Localized): string => localize(text, locale());

/**
 * The `lang` attribute a content text needs: `fr` on an English page where the English is
 * missing, otherwise none (the page's own language applies).
 */
export function contentLang(text: Localized): Locale | undefined {
	const lang = localizedLang(text, locale());
	return lang === locale() ? undefined : lang;
}

/** The `lang` of a fragment that stays French in every language (a legal reference): `fr` on an English page. */
export const frenchLang = (): Locale | undefined => (locale() === 'fr' ? undefined : 'fr');
