/**
 * The writers of `bench:api`, in their own process so that their client work does not slow the
 * load generator measuring reads: reads a JSON file `{ url, connections, bodies, seconds, rate }`
 * (bodies of `POST /api/contributions`, with tokens prepared beforehand), sends them over
 * `connections` concurrent keep-alive connections until every body is sent or `seconds` have
 * passed — each connection at most `rate` contributions per second when `rate` is given, as fast
 * as the server answers otherwise — and prints `{ sent, failed, ms }` as JSON.
 */
import { readFileSync } from 'node:fs';

const { url, connections, bodies, seconds, rate } = JSON.parse(
	readFileSync(process.argv[2]!, 'utf8')
) as {
	url: string;
	connections: number;
	bodies: unknown[];
	seconds: number;
	rate?: number;
};
let next = 0;
let sent = 0;
let failed = 0;
const start = performance.now();
const deadline = start + seconds * 1000;
await Promise.all(
	Array.from({ length: connections }, async (_, c) => {
		// Paced connections start spread over one interval, then keep to their own schedule.
		const interval = rate ? 1000 / rate : 0;
		let due = start + (interval * c) / connections;
		while (next < bodies.length && performance.now() < deadline) {
			if (interval > 0) {
				const wait = due - performance.now();
				if (wait > 0) await new Promise((r) => setTimeout(r, wait));
				due += interval;
				if (performance.now() >= deadline || next >= bodies.length) break;
			}
			const body = bodies[next++];
			const res = await fetch(`${url}/api/contributions`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify(body)
			});
			await res.arrayBuffer();
			if (res.status === 201) sent++;
			else failed++;
		}
	})
);
console.log(JSON.stringify({ sent, failed, ms: performance.now() - start }));
