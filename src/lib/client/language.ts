import { setLocale, type Locale } from '$lib/paraglide/runtime';
import { LANGUAGE_COOKIE } from '$lib/language';

/**
 * The language the officer chose with the switch: remembered in a cookie (read by the server,
 * which sends a page asked without `/en` to its English address), then the page reloads at its
 * address in that language. Only this choice sets the cookie: a link to `/en/…` followed once
 * changes nothing for later visits.
 */
export function chooseLanguage(locale: Locale): void {
	document.cookie = `${LANGUAGE_COOKIE}=${locale}; Path=/; Max-Age=34560000; SameSite=Lax`;
	void setLocale(locale);
}
