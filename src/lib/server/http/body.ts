import { formatPath } from '../../domain/problem.ts';
import { ApiError } from './errors.ts';

/** A contribution is a few hundred bytes; anything much larger is not one. */
export const BODY_LIMIT = 8 * 1024;

/**
 * Reads a JSON request body of at most `limit` bytes. Refuses, before reading, another media
 * type (415) or a declared length over the limit (413); stops reading as soon as the limit is
 * passed (a chunked body declares no length); refuses bytes that are not UTF-8, broken JSON and
 * a key in `FORBIDDEN_KEYS` anywhere in the value.
 */
export async function readJson(request: Request, limit = BODY_LIMIT): Promise<unknown> {
	const type = request.headers.get('content-type') ?? '';
	const [media, ...params] = type.split(';').map((s) => s.trim().toLowerCase());
	if (media !== 'application/json' || params.some((p) => p !== '' && p !== 'charset=utf-8'))
		throw new ApiError(
			415,
			'unsupported_media_type',
			`the body must be JSON (content-type: application/json), not ${type ? `"${type}"` : 'untyped'}`
		);
	const declared = Number(request.headers.get('content-length') ?? NaN);
	if (declared > limit) throw tooLarge(limit);
	if (!request.body) throw new ApiError(400, 'empty_body', 'the body is empty');

	const chunks: Uint8Array[] = [];
	let size = 0;
	const reader = request.body.getReader();
	try {
		for (;;) {
			const { done, value } = await reader.read();
			if (done) break;
			size += value.byteLength;
			if (size > limit) throw tooLarge(limit);
			chunks.push(value);
		}
	} catch (e) {
		reader.releaseLock(); // so that the rest of the body can be drained (see drainBody)
		if (e instanceof ApiError) throw e;
		// The adapter's own limit, or a client that went away mid-body.
		const status = (e as { status?: number }).status === 413 ? 413 : 400;
		throw status === 413
			? tooLarge(limit)
			: new ApiError(400, 'unreadable_body', 'the body could not be read');
	}
	if (size === 0) throw new ApiError(400, 'empty_body', 'the body is empty');

	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
	} catch {
		throw new ApiError(400, 'invalid_encoding', 'the body is not UTF-8 text');
	}
	let value: unknown;
	try {
		value = JSON.parse(text) as unknown;
	} catch (e) {
		throw new ApiError(400, 'invalid_json', `the body is not valid JSON: ${(e as Error).message}`);
	}
	const forbidden = forbiddenKeyPath(value);
	if (forbidden)
		throw new ApiError(
			400,
			'forbidden_key',
			`the body has a forbidden key at ${formatPath(forbidden)} (${[...FORBIDDEN_KEYS].join(', ')} are never accepted)`
		);
	return value;
}

/**
 * Keys that reach an object's prototype when code copies or looks up a parsed body: JSON.parse
 * keeps `__proto__` as an own key, which a schema may then drop without a word, and a later
 * spread or merge may turn into a prototype change.
 */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set([
	'__proto__',
	'constructor',
	'prototype'
]);

/** The path of the first forbidden key in a parsed JSON value, breadth first; null when none. */
export function forbiddenKeyPath(value: unknown): (string | number)[] | null {
	// A queue rather than recursion (an 8 KB body may nest 4,000 levels deep), each entry pointing
	// to its parent so that a path is only built for the key refused.
	type Entry = { at: unknown; parent: number; key: string | number };
	const queue: Entry[] = [{ at: value, parent: -1, key: '' }];
	const pathOf = (index: number, last: string) => {
		const path: (string | number)[] = [last];
		for (let e = queue[index]!; e.parent >= 0; e = queue[e.parent]!) path.unshift(e.key);
		return path;
	};
	for (let i = 0; i < queue.length; i++) {
		const { at } = queue[i]!;
		if (Array.isArray(at)) at.forEach((v, key) => queue.push({ at: v, parent: i, key }));
		else if (typeof at === 'object' && at !== null)
			for (const key of Object.keys(at)) {
				if (FORBIDDEN_KEYS.has(key)) return pathOf(i, key);
				queue.push({ at: (at as Record<string, unknown>)[key], parent: i, key });
			}
	}
	return null;
}

const tooLarge = (limit: number) =>
	new ApiError(413, 'body_too_large', `the body is larger than ${limit} bytes`);
