/**
 * Per-client write limit, in memory (a token bucket: `capacity` requests, refilled evenly over
 * `windowSeconds`). Client addresses live only in this map, are never stored nor logged, and the
 * least recently seen are forgotten past `maxClients`. Several instances each keep their own
 * buckets, so behind a load balancer a client gets at most `capacity` per instance.
 */
export class RateLimiter {
	#buckets = new Map<string, { tokens: number; at: number }>();
	readonly #perMs: number;

	constructor(
		private readonly capacity: number,
		windowSeconds: number,
		private readonly now: () => number = Date.now,
		private readonly maxClients = 100_000
	) {
		this.#perMs = capacity / (windowSeconds * 1000);
	}

	/** Takes one request from the client's bucket; when empty, the seconds until one is back. */
	take(client: string): { ok: true } | { ok: false; retryAfter: number } {
		const now = this.now();
		const b = this.#buckets.get(client) ?? { tokens: this.capacity, at: now };
		b.tokens = Math.min(this.capacity, b.tokens + (now - b.at) * this.#perMs);
		b.at = now;
		// Re-inserted so that the map's order is least recently seen first.
		this.#buckets.delete(client);
		this.#buckets.set(client, b);
		if (this.#buckets.size > this.maxClients)
			this.#buckets.delete(this.#buckets.keys().next().value!);
		if (b.tokens >= 1) {
			b.tokens -= 1;
			return { ok: true };
		}
		return { ok: false, retryAfter: Math.max(1, Math.ceil((1 - b.tokens) / this.#perMs / 1000)) };
	}
}
