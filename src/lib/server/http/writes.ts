import type { RequestEvent } from '@sveltejs/kit';
import { isIPv4, isIPv6 } from 'node:net';
import { benchmarks } from '../benchmarks/runtime.ts';
import { ApiError } from './errors.ts';

/** The bucket of writes that come without a client address (see `admitWrite`). */
export const UNKNOWN_CLIENT = 'unknown';

/**
 * The rate-limit key of a client address: an IPv4 address as it is (an IPv4-mapped IPv6 address
 * is the same client); an IPv6 address by its /64, the block one subscriber gets, so that a
 * client cannot get fresh buckets by rotating the low bits; anything else (a proxy's odd value)
 * cut to 64 characters, so that the limiter's memory stays bounded; nothing at all, one shared
 * bucket.
 */
export function clientKey(address: string | undefined): string {
	const a = (address ?? '').trim().toLowerCase();
	if (a === '') return UNKNOWN_CLIENT;
	const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(a);
	if (mapped && isIPv4(mapped[1]!)) return mapped[1]!;
	if (isIPv4(a)) return a;
	if (isIPv6(a)) return `${ipv6Groups(a).slice(0, 4).join(':')}::/64`;
	return `other:${a.slice(0, 64)}`;
}

/** The eight 16-bit groups of a valid IPv6 address, without leading zeros ("::" expanded). */
function ipv6Groups(a: string): string[] {
	const [head, tail] = a.split('%')[0]!.split('::') as [string, string | undefined];
	const part = (s: string | undefined) => (s ? s.split(':') : []);
	// An embedded IPv4 tail (::1.2.3.4) counts as two groups; only the first four matter here.
	const left = part(head);
	const right = part(tail);
	const groups =
		tail === undefined
			? left
			: [...left, ...Array(8 - left.length - right.length).fill('0'), ...right];
	return groups.map((g) => (g.includes('.') ? g : parseInt(g, 16).toString(16)));
}

let warnedUnknown = false;

/**
 * Counts a write against its client's limit, before its body is even read: a flood of garbage
 * is limited like a flood of contributions. Throws 429 with `Retry-After` when over.
 */
export function admitWrite(event: RequestEvent): void {
	admitClient(() => event.getClientAddress());
}

/** `admitWrite` for a client address got by `address` (which throws when it cannot tell). */
export function admitClient(address: () => string | undefined): void {
	let a: string | undefined;
	let why = '';
	try {
		a = address();
	} catch (e) {
		// ADDRESS_HEADER set but absent from the request (or fewer addresses than XFF_DEPTH).
		why = (e as Error).message;
	}
	const client = clientKey(a);
	if (client === UNKNOWN_CLIENT && !warnedUnknown) {
		warnedUnknown = true;
		console.warn(
			`numeriscope: a write came without a client address (${why || 'the address header is empty'}): such writes share one rate-limit bucket; check that the reverse proxy sets ADDRESS_HEADER on every request (said once)`
		);
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
