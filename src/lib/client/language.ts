import { setLocale, type Locale } from '$lib/paraglide/runtime';
import { languageCookie } from '$lib/language';

/**
 * The language the officer chose with the switch: remembered in a cookie (read by the server,
 * which sends a page asked without `/en` to its English address), then the page reloads at its
 * address in that language. Only this choice sets the cookie: a link to `/en/…` followed once
 * changes nothing for later visits.
 */
export function chooseLanguage(locale: Locale): void {
	document.cookie = languageCookie(locale);
	void setLocale(locale);
}
