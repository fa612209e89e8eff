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

/** SQLite result codes (better-sqlite3's `SqliteError.code`, extended codes included) of a store
 * that cannot be used for now: locked past busy_timeout, I/O error, file gone, read-only, full;
 * and the thread of a connection ended (`WORKER_EXITED` of `store/sqlite-thread.ts`). */
const SQLITE_OUTAGE =
	/^SQLITE_(BUSY|LOCKED|IOERR|CANTOPEN|READONLY|FULL|PROTOCOL|NOLFS|WORKER_EXITED)(_|$)/;
/** Node's network error codes, as the PostgreSQL client passes them on. */
const NETWORK_OUTAGE = new Set([
	'ECONNREFUSED',
	'ECONNRESET',
	'ECONNABORTED',
	'ETIMEDOUT',
	'EHOSTUNREACH',
	'ENETUNREACH',
	'ENOTFOUND',
	'EAI_AGAIN',
	'EPIPE'
]);
/** PostgreSQL SQLSTATEs: class 08 (connection exception), 53 (insufficient resources: too many
 * connections, disk full), 57P01–57P03 (shutting down, crashed, starting). */
const POSTGRES_OUTAGE = /^(08[0-9A-Z]{3}|53[0-9A-Z]{3}|57P0[1-3])$/;
/** What the pg client says, without a code, when a connection cannot be had or is lost. */
const PG_CLIENT_OUTAGE =
	/^(timeout exceeded when trying to connect|Connection terminated( unexpectedly| due to connection timeout)?|Client has encountered a connection error and is not queryable|Client was closed and is not queryable|Cannot use a pool after calling end on the pool)$/;

/**
 * Whether an error says the benchmark store cannot be reached or used for now (a database
 * down, a connection lost, a file locked or unreadable), rather than that a request or the code
 * is wrong. Looks into `cause` and into the `errors` of an aggregate (a host name resolving to
 * several addresses fails with one error per address).
 */
export function isStoreUnavailable(e: unknown, depth = 0): boolean {
	if (!(e instanceof Error) || depth > 5) return false;
	const code = (e as { code?: unknown }).code;
	if (typeof code === 'string') {
		if (e.name === 'SqliteError') return SQLITE_OUTAGE.test(code);
		if (NETWORK_OUTAGE.has(code) || POSTGRES_OUTAGE.test(code)) return true;
	}
	if (PG_CLIENT_OUTAGE.test(e.message)) return true;
	if (e instanceof AggregateError && e.errors.some((x) => isStoreUnavailable(x, depth + 1)))
		return true;
	return isStoreUnavailable(e.cause, depth + 1);
}

/** How long a client is asked to wait when the store is unavailable. */
export const STORE_RETRY_SECONDS = 30;
let lastOutageLog = 0;

/** One log line per minute at most while the store is unavailable: an outage must not flood. */
function logOutage(e: Error) {
	const now = Date.now();
	if (now - lastOutageLog < 60_000) return;
	lastOutageLog = now;
	const code = (e as { code?: unknown }).code;
	console.error(
		`numeriscope: the benchmark store is unavailable (${typeof code === 'string' ? `${code}: ` : ''}${e.message}): answering 503`
	);
}

/** What an API error is answered with, before the drain of the body: see `endpoint`. */
export interface Refusal {
	/** Whether what is left of the request body is read first (not for an outage). */
	drain: boolean;
	status: number;
	code: string;
	message: string;
	headers: Record<string, string>;
}

/**
 * The answer to an error of an API handler: a store that cannot be reached is 503
 * `store_unavailable` with `Retry-After` (logged once a minute); an expected refusal (HTTP or
 * domain) its 4xx, after what is left of the body is drained (`drain`); anything else null, for
 * `handleError`. Shared by `endpoint` and the server entry's fast path.
 */
export function refusalOf(e: unknown): Refusal | null {
	if (isStoreUnavailable(e)) {
		logOutage(e as Error);
		return {
			drain: false,
			status: 503,
			code: 'store_unavailable',
			message: `the benchmark store cannot be reached for now: retry in ${STORE_RETRY_SECONDS} s`,
			headers: { 'retry-after': String(STORE_RETRY_SECONDS) }
		};
	}
	if (e instanceof ApiError)
		return { drain: true, status: e.status, code: e.code, message: e.message, headers: e.headers };
	if (e instanceof ContributionError || e instanceof BenchmarkQueryError)
		return { drain: true, status: 400, code: e.code, message: e.message, headers: {} };
	return null;
}

/**
 * Wraps an API handler: expected refusals (HTTP or domain) become 4xx JSON; a store that
 * cannot be reached becomes 503 `store_unavailable` with `Retry-After`; anything else goes on to
 * `handleError`, which logs it with an id and answers a generic message.
 */
export function endpoint<E extends RequestEvent>(
	handler: (event: E) => Promise<Response> | Response
): (event: E) => Promise<Response> {
	return async (event) => {
		try {
			return await handler(event);
		} catch (e) {
			const r = refusalOf(e);
			if (!r) throw e;
			if (!r.drain) return errorResponse(r.status, r.code, r.message, r.headers);
			const raw = (event.platform as { req?: IncomingMessage } | undefined)?.req;
			// A body too long to drain ends the connection, rather than leave it half-read.
			const close = (await drainBody(event.request, raw)) ? {} : { connection: 'close' };
			return errorResponse(r.status, r.code, r.message, { ...r.headers, ...close });
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
