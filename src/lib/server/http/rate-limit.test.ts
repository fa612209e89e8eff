import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limit.ts';

describe('RateLimiter', () => {
	it('allows `capacity` requests, then refills evenly over the window', () => {
		let now = 0;
		const limiter = new RateLimiter(3, 60, () => now);
		for (let i = 0; i < 3; i++) expect(limiter.take('a')).toEqual({ ok: true });
		expect(limiter.take('a')).toEqual({ ok: false, retryAfter: 20 });
		expect(limiter.take('b')).toEqual({ ok: true }); // per client
		now = 19_000;
		expect(limiter.take('a')).toEqual({ ok: false, retryAfter: 1 });
		now = 20_000;
		expect(limiter.take('a')).toEqual({ ok: true });
		now = 10_000_000;
		for (let i = 0; i < 3; i++) expect(limiter.take('a').ok).toBe(true);
		expect(limiter.take('a').ok).toBe(false); // never more than the capacity
	});

	it('forgets the least recently seen clients past its bound', () => {
		const limiter = new RateLimiter(1, 3600, () => 0, 2);
		limiter.take('a');
		limiter.take('b');
		limiter.take('c'); // forgets a
		expect(limiter.take('a').ok).toBe(true);
		expect(limiter.take('c').ok).toBe(false);
	});
});
