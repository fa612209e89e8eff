import { describe, expect, it } from 'vitest';
import { clientKey, UNKNOWN_CLIENT } from './writes.ts';

describe('clientKey', () => {
	it('keeps an IPv4 address, and reads an IPv4-mapped IPv6 address as it', () => {
		expect(clientKey('192.0.2.1')).toBe('192.0.2.1');
		expect(clientKey(' ::FFFF:192.0.2.1 ')).toBe('192.0.2.1');
	});
	it('counts IPv6 by /64, whatever the notation', () => {
		const key = '2001:db8:1:2::/64';
		for (const a of [
			'2001:db8:1:2::1',
			'2001:0db8:0001:0002:ffff:0:0:1',
			'2001:DB8:1:2:a:b:c:d',
			'2001:db8:1:2::1.2.3.4',
			'2001:db8:1:2::1%eth0'
		])
			expect(clientKey(a), a).toBe(key);
		expect(clientKey('2001:db8:1:3::1')).not.toBe(key);
		expect(clientKey('::1')).toBe('0:0:0:0::/64');
		expect(clientKey('2001:db8::')).toBe('2001:db8:0:0::/64');
	});
	it('gives no address one shared bucket', () => {
		expect(clientKey(undefined)).toBe(UNKNOWN_CLIENT);
		expect(clientKey('  ')).toBe(UNKNOWN_CLIENT);
	});
	it('cuts any other value to 64 characters, so that keys stay small', () => {
		expect(clientKey('x'.repeat(10_000))).toBe('other:' + 'x'.repeat(64));
		expect(clientKey('unknown')).toBe('other:unknown'); // never the shared bucket's key
	});
});
