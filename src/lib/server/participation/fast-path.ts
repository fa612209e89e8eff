import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * `POST /api/contributions`, the write of a campaign, answered by the production server
 * (scripts/serve.ts) before SvelteKit's router, as `GET /api/benchmarks` is (see
 * benchmarks/fast-path.ts): per contribution, a Web `Request`, the hooks and the routing cost
 * about as much server time as the contribution itself, and writers share the event loop with
 * readers. The handler is built by the app (contribute-node.ts, with the route's own rate limit,
 * body reading, service and error answers) and handed over through a global registered under a
 * `Symbol.for` key, the app's bundle and the server entry being two module graphs in one
 * process. This module imports nothing, so that the entry stays light.
 */
export type ContributeFastPath = (req: IncomingMessage, res: ServerResponse) => void;
const KEY = Symbol.for('numeriscope.contributions.fastPath');

export function registerContributeFastPath(handler: ContributeFastPath): void {
	(globalThis as Record<symbol, ContributeFastPath | undefined>)[KEY] = handler;
}

/** The registered handler, once the app has started. */
export function contributeFastPath(): ContributeFastPath | undefined {
	return (globalThis as Record<symbol, ContributeFastPath | undefined>)[KEY];
}
