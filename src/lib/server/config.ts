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
	BENCHMARK_REFRESH_MS: whole('a number of milliseconds', 100, 600_000, 1000)
});

export type Config = z.infer<typeof envSchema>;

export class ConfigError extends Error {
	readonly code = 'config_invalid';
}

/** A value as it may be shown: a URL's password is never printed. */
function shown(name: string, value: string): string {
	return JSON.stringify(name === 'DATABASE_URL' ? value.replace(/:[^:@/]*@/, ':***@') : value);
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
	const input = Object.fromEntries(
		Object.entries(env).filter(([, v]) => v !== undefined && v !== '')
	);
	const parsed = envSchema.safeParse(input);
	if (parsed.success) return parsed.data;
	const lines = parsed.error.issues.map((i) => {
		const name = String(i.path[0]);
		return `  ${name}=${shown(name, env[name] ?? '')}: ${i.message}`;
	});
	throw new ConfigError(`invalid environment variable(s):\n${lines.join('\n')}`);
}
