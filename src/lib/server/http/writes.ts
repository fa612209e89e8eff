import type { RequestEvent } from '@sveltejs/kit';
import { benchmarks } from '../benchmarks/runtime.ts';
import { ApiError } from './errors.ts';

/**
 * Counts a write against its client's limit, before its body is even read: a flood of garbage
 * is limited like a flood of contributions. Throws 429 with `Retry-After` when over.
 */
export function admitWrite(event: RequestEvent): void {
	let client: string;
	try {
		client = event.getClientAddress();
	} catch {
		client = 'unknown'; // ADDRESS_HEADER configured but missing: one shared bucket
	}
	const r = benchmarks().writes.take(client);
	if (!r.ok)
		throw new ApiError(
			429,
			'rate_limited',
			`too many writes from this client: retry in ${r.retryAfter} s`,
			{
				'retry-after': String(r.retryAfter)
			}
		);
}
