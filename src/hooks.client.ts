import type { ClientInit, HandleClientError } from '@sveltejs/kit';
import { isUserFacing, storageCode } from '$lib/client/errors';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';

/**
 * The language of `<html>`: the server writes it, but a page rendered in the browser may come
 * from the service worker's cached shell, written in the language of the day it was cached.
 */
export const init: ClientInit = () => {
	document.documentElement.lang = getLocale();
};

/**
 * Unexpected errors in the browser (a `load` or a navigation): a storage failure keeps its
 * careful message (private browsing, full, closed by another tab); anything else is logged with
 * an id to quote and shown with a generic message, in the page's language.
 */
export const handleError: HandleClientError = ({ error, status, message }) => {
	if (isUserFacing(error)) return { message: error.message, code: storageCode(error) };
	if (status < 500) return { message };
	const id = crypto.randomUUID().slice(0, 8);
	console.error(`numeriscope: error ${id}:`, error);
	return { message: m.error_unexpected({ id }), code: id };
};
