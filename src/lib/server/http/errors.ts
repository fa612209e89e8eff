import { json, type RequestEvent } from '@sveltejs/kit';
import type { IncomingMessage } from 'node:http';
import { BenchmarkQueryError } from '../../domain/benchmark.ts';
import { ContributionError } from '../../domain/contribution.ts';
import { drainBody } from './discard.ts';

/** An expected refusal: a 4xx with a stable code and a message naming what is wrong. */
export class ApiError extends Error {
	constructor(
		readonly status: number,
		readonly code: string,
		message: string,
		readonly headers: Record<string, string> = {}
	) {
		super(message);
	}
}

/** The JSON body of every API error: `{ code, message }`. */
export function errorResponse(status: number, code: string, message: string, headers = {}) {
	return json({ code, message }, { status, headers: { 'cache-control': 'no-store', ...headers } });
}

/**
 * Wraps an API handler: expected refusals (HTTP or domain) become 4xx JSON; anything else goes
 * on to `handleError`, which logs it with an id and answers a generic message.
 */
export function endpoint<E extends RequestEvent>(
	handler: (event: E) => Promise<Response> | Response
): (event: E) => Promise<Response> {
	return async (event) => {
		try {
			return await handler(event);
		} catch (e) {
			if (!(
				e instanceof ApiError ||
				e instanceof ContributionError ||
				e instanceof BenchmarkQueryError
			))
				throw e;
			const raw = (event.platform as { req?: IncomingMessage } | undefined)?.req;
			// A body too long to drain ends the connection, rather than leave it half-read.
			const close = (await drainBody(event.request, raw)) ? {} : { connection: 'close' };
			if (e instanceof ApiError)
				return errorResponse(e.status, e.code, e.message, { ...e.headers, ...close });
			return errorResponse(400, e.code, e.message, close);
		}
	};
}

/** For the methods a route does not serve: 405 with the list of those it does. */
export function methodNotAllowed(allowed: string[]) {
	return ({ request }: RequestEvent) =>
		errorResponse(405, 'method_not_allowed', `${request.method} is not allowed here`, {
			allow: allowed.join(', ')
		});
}
