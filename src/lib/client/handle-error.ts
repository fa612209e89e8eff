import type { HandleClientError } from '@sveltejs/kit';
import { m } from '../paraglide/messages.js';
import { isUserFacing, storageCode } from './errors.ts';

/**
 * Unexpected errors in the browser (a `load` or a navigation): a storage failure keeps its
 * careful message (private browsing, full, closed by another tab); anything else is logged with
 * an id to quote and shown with a generic message, in the page's language. Loaded by the hook
 * (src/hooks.client.ts) with the first error.
 */
export const handleClientError: HandleClientError = ({ error, status, message }) => {
	if (isUserFacing(error)) return { message: error.message, code: storageCode(error) };
	if (status < 500) return { message };
	const id = crypto.randomUUID().slice(0, 8);
	console.error(`numeriscope: error ${id}:`, error);
	return { message: m.error_unexpected({ id }), code: id };
};
