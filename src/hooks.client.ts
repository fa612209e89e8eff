import type { ClientInit, HandleClientError } from '@sveltejs/kit';
import { getLocale, overwriteGetLocale } from '$lib/paraglide/runtime';

/**
 * The language of `<html>`: the server writes it, but a page rendered in the browser may come
 * from the service worker's cached shell, written in the language of the day it was cached.
 */
export const init: ClientInit = () => {
	// The language is the address's (`/en/…`): Paraglide works it out from the address at each
	// text; here, only when the address has changed since the last text (a results page shows
	// thousands of texts on its first render).
	const fromAddress = getLocale;
	let href = '';
	let locale = fromAddress();
	overwriteGetLocale(() => {
		if (location.href !== href) {
			href = location.href;
			locale = fromAddress();
		}
		return locale;
	});
	document.documentElement.lang = getLocale();
};

/**
 * Unexpected errors in the browser: see `handleClientError`, loaded with the first error (no
 * page carries it while all goes well). Should it fail to load, Kit's own message is shown.
 */
export const handleError: HandleClientError = (input) =>
	import('$lib/client/handle-error').then(
		({ handleClientError }) => handleClientError(input),
		() => ({ message: input.message })
	);
