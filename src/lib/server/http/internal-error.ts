import { randomUUID } from 'node:crypto';

/**
 * An unexpected error (a bug, not a refusal nor an outage): logged with an id to quote, and
 * the generic body that goes to the client, `{ message, code }`. Used by the `handleError`
 * hook and by the server entry's fast path.
 */
export function internalError(
	error: unknown,
	method: string,
	route: string | null
): { message: string; code: string } {
	const id = randomUUID().slice(0, 8);
	console.error(`numeriscope: error ${id} on ${method} ${route ?? '(no route)'}:`, error);
	return { message: `Erreur interne (référence ${id}).`, code: id };
}
