/**
 * The writers of `bench:api`, in their own process so that their client work does not slow the
 * load generator measuring reads: reads a JSON file `{ url, connections, bodies }` (bodies of
 * `POST /api/contributions`, with tokens prepared beforehand), sends them over `connections`
 * concurrent keep-alive connections until every body is sent or `seconds` have passed, and
 * prints `{ sent, failed, ms }` as JSON.
 */
import { readFileSync } from 'node:fs';

const { url, connections, bodies, seconds } = JSON.parse(
	readFileSync(process.argv[2]!, 'utf8')
) as {
	url: string;
	connections: number;
	bodies: unknown[];
	seconds: number;
};
let next = 0;
let sent = 0;
let failed = 0;
const start = performance.now();
const deadline = start + seconds * 1000;
await Promise.all(
	Array.from({ length: connections }, async () => {
		while (next < bodies.length && performance.now() < deadline) {
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
