import type { ClientInit, HandleClientError } from '@sveltejs/kit';
import { getLocale } from '$lib/paraglide/runtime';

/**
 * The language of `<html>`: the server writes it, but a page rendered in the browser may come
 * from the service worker's cached shell, written in the language of the day it was cached.
 */
export const init: ClientInit = () => {
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
