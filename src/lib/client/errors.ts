import { m } from '../paraglide/messages.js';
import type { StorageError } from './storage/errors.ts';

/**
 * Errors whose message is already written for the officer, in the page's language: storage
 * failures (private browsing, full, closed by another tab, newer version) and refusals of the
 * participation flow. Told apart by name, so that this module loads neither flow.
 */
const userFacing = new Set(['StorageError', 'ParticipationError']);

/** Whether an error carries a message the officer can act on (see `errorMessage`). */
export function isUserFacing(e: unknown): e is Error {
	return e instanceof Error && userFacing.has(e.name);
}

/**
 * The one message a state class or a page shows for a failure: the careful message of a known
 * error, else a generic sentence in the page's language with the browser's words as the detail.
 */
export function errorMessage(e: unknown): string {
	if (isUserFacing(e)) return e.message;
	const detail = e instanceof Error ? e.message : String(e);
	return m.error_unexpected_detail({ detail });
}

/**
 * The code shown on the error page for a storage failure (`storage_quota`…), else undefined.
 * Told apart by name too: the StorageError class loads with the first failure (see `run`).
 */
export function storageCode(e: unknown): string | undefined {
	return e instanceof Error && e.name === 'StorageError'
		? `storage_${(e as StorageError).code}`
		: undefined;
}
