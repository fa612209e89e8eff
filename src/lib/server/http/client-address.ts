import type { IncomingMessage } from 'node:http';

/** The settings adapter-node reads to tell a client's address (validated by config.ts). */
export interface AddressSettings {
	ADDRESS_HEADER?: string;
	XFF_DEPTH?: number;
}

/**
 * A request's client address as adapter-node's `getClientAddress` gives it (build/handler.js),
 * for the server entry's fast path, which answers before the adapter: the `ADDRESS_HEADER`
 * header (with x-forwarded-for, the address `XFF_DEPTH` from the right), else the socket's
 * peer. Throws, with the adapter's words, when the header is missing or has too few addresses.
 */
export function clientAddress(req: IncomingMessage, s: AddressSettings): string | undefined {
	const header = (s.ADDRESS_HEADER ?? '').toLowerCase();
	if (!header) return req.socket?.remoteAddress;
	if (!(header in req.headers))
		throw new Error(
			`Address header was specified with ADDRESS_HEADER=${header} but is absent from request`
		);
	const value = (req.headers[header] as string) || '';
	if (header !== 'x-forwarded-for') return value;
	const addresses = value.split(',');
	const depth = s.XFF_DEPTH ?? 1;
	if (depth > addresses.length)
		throw new Error(`XFF_DEPTH is ${depth}, but only found ${addresses.length} addresses`);
	return addresses[addresses.length - depth]!.trim();
}

/** adapter-node's reading of `BODY_SIZE_LIMIT` (bytes, K/M/G of 1024, or Infinity; 512K unset). */
export function bodySizeLimit(value: string | undefined): number {
	const v = value ?? '512K';
	if (/^infinity$/i.test(v)) return Infinity;
	const m = /^(\d+)([KMG]?)$/i.exec(v);
	if (!m) return 512 * 1024;
	const unit = { '': 1, K: 1024, M: 1024 ** 2, G: 1024 ** 3 }[m[2]!.toUpperCase() as '' | 'K'];
	return Number(m[1]) * unit;
}
