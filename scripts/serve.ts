/**
 * The production server: adapter-node's request handler (`build/handler.js`, its documented
 * "custom server" entry) behind `node:http`, in place of `node build`. What it adds:
 *
 * - every response carries the security headers, static files included (adapter-node serves
 *   `/_app/…`, the service worker and the prerendered JSON before the app's `handle` hook), plus
 *   HSTS when ORIGIN is https (see `secureNodeResponse`);
 * - the settings are validated first (config.ts, the only reader of the environment), and a bad
 *   value, a port in use or an address not of this machine stops it with exit code ≠ 0 and one
 *   line per problem on stderr, never a stack trace.
 *
 * It keeps what adapter-node's own entry (`build/index.js`) does: KEEP_ALIVE_TIMEOUT,
 * HEADERS_TIMEOUT, and the graceful shutdown on SIGTERM/SIGINT (stop accepting, let open requests
 * finish for SHUTDOWN_TIMEOUT seconds, then emit `sveltekit:shutdown`, on which the benchmark
 * store closes). Socket activation and SOCKET_PATH are not supported.
 *
 * Run with `node --import tsx scripts/serve.ts` (`npm start` builds first, then does that).
 */
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import { configOrExit, type Config } from '../src/lib/server/config.ts';
import { fastPath } from '../src/lib/server/benchmarks/fast-path.ts';
import { secureNodeResponse } from '../src/lib/server/http/headers.ts';
import { isJsonType } from '../src/lib/server/http/media.ts';
import { contributeFastPath } from '../src/lib/server/participation/fast-path.ts';
import { choseEnglish } from '../src/lib/language.ts';
import { pageFastPath, pageKey } from '../src/lib/server/observatory/page-cache.ts';

type Handler = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

function stop(code: number, line: string): never {
	console.error(`numeriscope: ${line}`);
	process.exit(code);
}

const config: Config = configOrExit();

const handlerFile = fileURLToPath(new URL('../build/handler.js', import.meta.url));
if (!existsSync(handlerFile))
	stop(1, 'build/ is missing: run `npm run build` first (`npm start` does it)');

/** What a listen error means, in the words of the settings. */
function listenProblem(e: NodeJS.ErrnoException, { PORT, HOST }: Config): string {
	switch (e.code) {
		case 'EADDRINUSE':
			return `port ${PORT} is already in use (PORT=${PORT}): stop what listens there or choose another port`;
		case 'EACCES':
			return `port ${PORT} needs privileges this user lacks (PORT=${PORT}): choose a port above 1023`;
		case 'EADDRNOTAVAIL':
			return `${HOST} is not an address of this machine (HOST=${HOST})`;
		case 'ENOTFOUND':
		case 'EAI_AGAIN':
			return `the host name ${HOST} cannot be resolved (HOST=${HOST})`;
		default:
			return `cannot listen on ${HOST}:${PORT} (PORT, HOST): ${e.message}`;
	}
}

const https = config.ORIGIN?.startsWith('https:') ?? false;
const server = createServer();
if (config.KEEP_ALIVE_TIMEOUT !== undefined)
	server.keepAliveTimeout = config.KEEP_ALIVE_TIMEOUT * 1000;
if (config.HEADERS_TIMEOUT !== undefined) server.headersTimeout = config.HEADERS_TIMEOUT * 1000;

// Listen before loading the app, so that a port in use is said at once, before the store opens
// and the demo data is seeded; requests that come meanwhile wait for the app.
await new Promise<void>((resolve) => {
	server.once('error', (e: NodeJS.ErrnoException) => stop(1, listenProblem(e, config)));
	server.listen(config.PORT, config.HOST, () => resolve());
});

if (config.ADDRESS_HEADER) {
	const depth = config.XFF_DEPTH ?? 1;
	const which =
		config.ADDRESS_HEADER !== 'x-forwarded-for'
			? `the ${config.ADDRESS_HEADER} header`
			: depth === 1
				? 'the x-forwarded-for header, its last address (added by the nearest proxy)'
				: `the x-forwarded-for header, address ${depth} from the right (XFF_DEPTH=${depth})`;
	console.log(
		`numeriscope: client addresses (for the write limit) come from ${which} (ADDRESS_HEADER): only a reverse proxy in front of this server may set it; reached directly, a client could claim any address`
	);
}

// Importing the handler runs the app's `init` hook: the store opens (or the server stops).
const ready = (
	import(String(new URL('../build/handler.js', import.meta.url))) as Promise<{
		handler: Handler;
	}>
).catch((e: unknown) =>
	stop(1, `cannot start the application: ${e instanceof Error ? e.message : String(e)}`)
);

let shutdownTimer: NodeJS.Timeout | undefined;

/** The observatory's addresses, in either language (only its pages are ever kept). */
const observatoryPath = /^(\/en)?\/observatoire([/?]|$)/;

server.on('request', (req: IncomingMessage, res: ServerResponse) => {
	// While shutting down, a connection is closed as soon as its request is done.
	req.on('close', () => shutdownTimer && server.closeIdleConnections());
	secureNodeResponse(res, https);
	// The peer figures of a query string already answered by the app, from memory (see fast-path.ts).
	if (req.method === 'GET' && req.url?.startsWith('/api/benchmarks?')) {
		const search = new URL(req.url, 'http://localhost').search;
		const hit = fastPath()?.(search, req.headers['if-none-match'] ?? null);
		if (hit) {
			res.writeHead(hit.status, hit.headers);
			res.end(hit.body ?? undefined);
			return;
		}
	}
	// A contribution, the campaign's write, without SvelteKit's request handling (see
	// participation/fast-path.ts); a body not declared JSON goes to the app, which refuses it.
	if (
		req.method === 'POST' &&
		(req.url === '/api/contributions' || req.url?.startsWith('/api/contributions?')) &&
		isJsonType(req.headers['content-type'] ?? '')
	) {
		const contribute = contributeFastPath();
		if (contribute) return contribute(req, res);
	}
	// An observatory page already rendered for this address and language (see page-cache.ts);
	// a French address asked by a browser that chose English goes to the app, which redirects it.
	if (req.method === 'GET' && req.url && observatoryPath.test(req.url)) {
		const url = new URL(req.url, 'http://localhost');
		const english = url.pathname.startsWith('/en/');
		if (english || !choseEnglish(req.headers.cookie)) {
			const hit = pageFastPath()?.(
				pageKey(url.pathname, url.search),
				req.headers['if-none-match'] ?? null
			);
			if (hit) {
				res.writeHead(hit.status, hit.headers);
				res.end(hit.body ?? undefined);
				return;
			}
		}
	}
	void ready.then(({ handler }) =>
		handler(req, res, () => {
			res.statusCode = 404;
			res.end();
		})
	);
});

await ready;
const shown = config.HOST.includes(':') ? `[${config.HOST}]` : config.HOST;
console.log(`Listening on http://${shown}:${config.PORT}`);

/** Stops accepting, lets open requests finish, then tells the app (which closes the store). */
function shutdown(reason: 'SIGINT' | 'SIGTERM') {
	if (shutdownTimer) return;
	// A keep-alive connection would hold close() until it times out: close the idle ones now.
	server.closeIdleConnections();
	server.close((error) => {
		if (error) return; // already closed
		clearTimeout(shutdownTimer);
		(process.emit as (event: string, ...args: unknown[]) => boolean)('sveltekit:shutdown', reason);
	});
	shutdownTimer = setTimeout(() => server.closeAllConnections(), config.SHUTDOWN_TIMEOUT * 1000);
}
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
