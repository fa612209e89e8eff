import { z } from 'zod';

/**
 * The only reader of environment variables. Every variable is validated; a bad value stops the
 * server with a message naming the variable, the value and what is expected.
 */

const whole = (what: string, min: number, max: number, fallback: number) =>
	z.coerce
		.number<string | undefined>({ error: `must be ${what}` })
		.int('must be a whole number')
		.min(min, `must be between ${min} and ${max}`)
		.max(max, `must be between ${min} and ${max}`)
		.default(fallback);

const seconds = z.coerce
	.number<string | undefined>({ error: 'must be a number of seconds' })
	.int('must be a whole number of seconds')
	.min(0, 'must be between 0 and 3600')
	.max(3600, 'must be between 0 and 3600');

/** The site's public address: scheme, host and port only, as adapter-node compares origins. */
const originSchema = z.string().transform((value, ctx) => {
	let url: URL | null = null;
	try {
		url = new URL(value);
	} catch {
		// reported below
	}
	if (
		!url ||
		value.trim() !== value ||
		(url.protocol !== 'http:' && url.protocol !== 'https:') ||
		url.username ||
		url.password ||
		url.pathname !== '/' ||
		url.search ||
		url.hash ||
		value.includes('?') ||
		value.includes('#') ||
		!/^https?:\/\/[^/]+\/?$/.test(value)
	) {
		ctx.addIssue({
			code: 'custom',
			message:
				'must be the public address of the site, an absolute http:// or https:// URL without path (e.g. https://observatoire.example.org)'
		});
		return z.NEVER;
	}
	return url.origin;
});

/** A header name (RFC 9110 token), compared in lower case as Node gives headers. */
const headerName = z
	.string()
	.regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, 'must be an HTTP header name (e.g. x-forwarded-for)')
	.transform((h) => h.toLowerCase());

const envSchema = z.object({
	PORT: whole('a TCP port number (1–65535)', 1, 65535, 3000),
	HOST: z
		.string()
		.regex(/^[\w.:-]+$/, 'must be a host name or an IP address (e.g. 127.0.0.1 or 0.0.0.0)')
		.default('127.0.0.1'),
	/** PostgreSQL server of the benchmark store; unset, the embedded SQLite file is used. */
	DATABASE_URL: z
		.string()
		.regex(
			/^postgres(ql)?:\/\/\S+$/,
			'must be a PostgreSQL URL (postgres://user:password@host:5432/database)'
		)
		.optional(),
	/** The embedded store's file, created with its folder on first start. */
	SQLITE_PATH: z.string().trim().min(1).default('data/numeriscope.sqlite'),
	/** No cohort of fewer contributions is published. Below 3, a cohort tells about individuals. */
	BENCHMARK_K: whole('a whole number of contributions', 3, 1000, 5),
	/** `on`: an empty embedded store is filled with the synthetic demo set at start. */
	DEMO_DATA: z.enum(['on', 'off'], 'must be on or off').default('on'),
	/** Writes (contribute, replace, withdraw) allowed per client and window. */
	RATE_LIMIT_WRITES: whole('a whole number of requests', 1, 1_000_000, 30),
	RATE_LIMIT_WINDOW_SECONDS: whole('a number of seconds', 1, 86_400, 600),
	/**
	 * `on`: contributions without an invitation are accepted (a closed network only); they are
	 * flagged `open` and every edition they feed says so.
	 */
	OPEN_PARTICIPATION: z.enum(['on', 'off'], 'must be on or off').default('off'),
	/** How often an instance looks for contributions written by others (CLI, other instances). */
	BENCHMARK_REFRESH_MS: whole('a number of milliseconds', 100, 600_000, 1000),

	// Read by adapter-node itself too (its handler); validated here so that a bad value stops
	// the server with one line naming it, rather than a stack trace or a silent surprise.
	/** The site's public address (e.g. https://observatoire.example.org); https adds HSTS. */
	ORIGIN: originSchema.optional(),
	/** The header a reverse proxy sets to the client's address (e.g. x-forwarded-for). */
	ADDRESS_HEADER: headerName.optional(),
	/** With x-forwarded-for: how many trusted proxies add an address (1: the nearest one). */
	XFF_DEPTH: z.coerce
		.number<string | undefined>({ error: 'must be a whole number of proxies' })
		.int('must be a whole number of proxies')
		.min(1, 'must be between 1 and 100')
		.max(100, 'must be between 1 and 100')
		.optional(),
	/** The largest request body adapter-node reads (ours refuse more than 8 KB anyway). */
	BODY_SIZE_LIMIT: z
		.string()
		.regex(
			/^(\d+[KMG]?|Infinity)$/i,
			'must be a size in bytes, with an optional K, M or G suffix (e.g. 512K), or Infinity'
		)
		.optional(),
	/** On SIGTERM/SIGINT, how long open requests may take before their connections are cut. */
	SHUTDOWN_TIMEOUT: seconds.default(30),
	/** adapter-node's: how long an idle keep-alive connection and a request's headers may take. */
	KEEP_ALIVE_TIMEOUT: seconds.optional(),
	HEADERS_TIMEOUT: seconds.optional()
});

/** Read by adapter-node as given: set but empty, they would break it (an empty ORIGIN does). */
const neverEmpty = ['ORIGIN', 'XFF_DEPTH', 'BODY_SIZE_LIMIT'];

export type Config = z.infer<typeof envSchema>;

export class ConfigError extends Error {
	readonly code = 'config_invalid';
	/** One line per bad variable: `NAME="value": what is expected`. */
	constructor(readonly lines: string[]) {
		super(lines.join('\n'));
	}
}

/** A value as it may be shown: a URL's password is never printed. */
function shown(name: string, value: string): string {
	return JSON.stringify(name === 'DATABASE_URL' ? value.replace(/:[^:@/]*@/, ':***@') : value);
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
	const input = Object.fromEntries(
		Object.entries(env).filter(([, v]) => v !== undefined && v !== '')
	);
	const problems: [string, string][] = neverEmpty
		.filter((name) => env[name] === '')
		.map((name) => [name, 'is set but empty: unset it or give a value']);
	const parsed = envSchema.safeParse(input);
	if (!parsed.success)
		for (const i of parsed.error.issues) problems.push([String(i.path[0]), i.message]);
	// Checked on the raw values, so that it is said even when another variable is wrong.
	if (
		input['XFF_DEPTH'] !== undefined &&
		input['ADDRESS_HEADER']?.toLowerCase() !== 'x-forwarded-for'
	)
		problems.push([
			'XFF_DEPTH',
			'only meaningful with ADDRESS_HEADER=x-forwarded-for (behind proxies that add to it): unset it'
		]);
	if (parsed.success && problems.length === 0) return parsed.data;
	throw new ConfigError(
		problems.map(([name, message]) => `${name}=${shown(name, env[name] ?? '')}: ${message}`)
	);
}

/**
 * The settings of a process that cannot run without them (the server, `npm start`): a bad value
 * prints one `numeriscope: NAME="value": …` line per problem and exits with code 2.
 */
export function configOrExit(env: Record<string, string | undefined> = process.env): Config {
	try {
		return loadConfig(env);
	} catch (e) {
		if (!(e instanceof ConfigError)) throw e;
		for (const line of e.lines) console.error(`numeriscope: ${line}`);
		process.exit(2);
	}
}
