import { z } from 'zod';

/**
 * The only reader of environment variables. Every variable is validated; a bad value stops the
 * server with a message naming the variable, the value and what is expected.
 */
const envSchema = z.object({
	PORT: z.coerce
		.number<string | undefined>({ error: 'must be a TCP port number (1–65535)' })
		.int('must be a whole number')
		.min(1, 'must be between 1 and 65535')
		.max(65535, 'must be between 1 and 65535')
		.default(3000),
	HOST: z
		.string()
		.regex(/^[\w.:-]+$/, 'must be a host name or an IP address (e.g. 127.0.0.1 or 0.0.0.0)')
		.default('127.0.0.1')
});

export type Config = z.infer<typeof envSchema>;

export class ConfigError extends Error {
	readonly code = 'config_invalid';
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
	const input = Object.fromEntries(
		Object.entries(env).filter(([, v]) => v !== undefined && v !== '')
	);
	const parsed = envSchema.safeParse(input);
	if (parsed.success) return parsed.data;
	const lines = parsed.error.issues.map((i) => {
		const name = String(i.path[0]);
		return `  ${name}=${JSON.stringify(env[name] ?? '')}: ${i.message}`;
	});
	throw new ConfigError(`invalid environment variable(s):\n${lines.join('\n')}`);
}
