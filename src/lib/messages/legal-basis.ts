import { localize, type Locale } from '../domain/localize.ts';
import type { LegalBasis } from '../domain/questionnaire.ts';
import type { Localized } from '../domain/text.ts';
import { getLocale } from '../paraglide/runtime.js';

const text = (t: Localized, locale: Locale) => localize(t, locale);
/** `fr` when the English reader gets the French text (no translation). */
const langOf = (t: Localized, locale: Locale) => (locale === 'en' && !t.en ? 'fr' : undefined);

/** A legal basis as the page shows it: short title, reference, the text in plain words, its source. */
export interface LegalBasisView {
	/** The obligation's short title (from version 2); null in a version 1 questionnaire. */
	title: string | null;
	titleLang: 'fr' | undefined;
	/** The law's own citation: French in every language. */
	reference: string;
	/** What the obligation says, in the reader's language (French where not translated). */
	text: string;
	textLang: 'fr' | undefined;
	/** The source text (Légifrance, EUR-Lex…), from version 2; null when the content has none. */
	url: string | null;
	/** The source's site for the link's words, e.g. `legifrance.gouv.fr`. */
	site: string | null;
}

/** `www.legifrance.gouv.fr` → `legifrance.gouv.fr`: the site a link leads to, in its words. */
export function sourceSite(url: string): string | null {
	try {
		return new URL(url).hostname.replace(/^www\./, '');
	} catch {
		return null;
	}
}

export function legalBasisView(basis: LegalBasis, locale: Locale = getLocale()): LegalBasisView {
	const site = basis.url ? sourceSite(basis.url) : null;
	return {
		title: basis.title ? text(basis.title, locale) : null,
		titleLang: basis.title ? langOf(basis.title, locale) : undefined,
		reference: basis.reference,
		text: text(basis.text, locale),
		textLang: langOf(basis.text, locale),
		url: site ? basis.url! : null,
		site
	};
}
