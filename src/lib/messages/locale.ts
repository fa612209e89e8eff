import { getLocale } from '$lib/paraglide/runtime';
import { localize, localizedLang, type Locale } from '../domain/localize.ts';
import type { Localized } from '../domain/text.ts';

/** The language of the page: French unless English was chosen (`/en/…` or the switch). */
export const locale = (): Locale => getLocale();

const numbers = new Map<Locale, Intl.NumberFormat>();
/** `4200` → « 4 200 » in French, "4,200" in English. */
export function formatNumber(n: number): string {
	const l = locale();
	let f = numbers.get(l);
	if (!f) numbers.set(l, (f = new Intl.NumberFormat(l === 'en' ? 'en-GB' : 'fr-FR')));
	return f.format(n);
}

/** `['a', 'b', 'c']` → « a, b ou c » / "a, b or c" (`disjunction`), « a, b et c » / "a, b and c". */
export function formatList(items: string[], type: 'conjunction' | 'disjunction'): string {
	return new Intl.ListFormat(locale() === 'en' ? 'en-GB' : 'fr-FR', { type }).format(items);
}

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
