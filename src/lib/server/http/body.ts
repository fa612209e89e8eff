import type { IncomingMessage } from 'node:http';
import { formatPath } from '../../domain/problem.ts';
import { ApiError } from './errors.ts';
import { isJsonType } from './media.ts';

/** A contribution is a few hundred bytes; anything much larger is not one. */
export const BODY_LIMIT = 8 * 1024;

/** 415 unless the body is declared JSON (see `isJsonType`). */
function mustBeJson(type: string): void {
	if (!isJsonType(type))
		throw new ApiError(
			415,
			'unsupported_media_type',
			`the body must be JSON (content-type: application/json), not ${type ? `"${type}"` : 'untyped'}`
		);
}

/**
 * Reads a JSON request body of at most `limit` bytes. Refuses, before reading, another media
 * type (415) or a declared length over the limit (413); stops reading as soon as the limit is
 * passed (a chunked body declares no length); refuses bytes that are not UTF-8, broken JSON and
 * a key in `FORBIDDEN_KEYS` anywhere in the value.
 */
export async function readJson(request: Request, limit = BODY_LIMIT): Promise<unknown> {
	mustBeJson(request.headers.get('content-type') ?? '');
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
		throw status === 413 ? tooLarge(limit) : unreadable();
	}
	if (size === 0) throw new ApiError(400, 'empty_body', 'the body is empty');
	return parseJsonBytes(Buffer.concat(chunks));
}

/**
 * `readJson` on Node's request itself, for the server entry's fast path (see
 * participation/contribute-node.ts): the same refusals in the same order, with adapter-node's reading
 * of the request (no body without a length or chunks; its `BODY_SIZE_LIMIT`, `rawLimit`, passed
 * as the 413 of `limit`). What is left of a refused body stays unread (see drainBody).
 */
export function readNodeJson(
	req: IncomingMessage,
	limit = BODY_LIMIT,
	rawLimit = Infinity
): Promise<unknown> {
	const h = req.headers;
	mustBeJson(h['content-type'] ?? '');
	const length = Number(h['content-length']);
	if (length > Math.min(limit, rawLimit)) throw tooLarge(limit);
	if (
		(req.httpVersionMajor === 1 && !Number.isFinite(length) && h['transfer-encoding'] == null) ||
		length === 0
	)
		throw new ApiError(400, 'empty_body', 'the body is empty');
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		const done = (e: ApiError | null) => {
			req.off('data', onData).off('end', onEnd).off('error', onFail).off('close', onFail);
			if (e) {
				req.pause();
				return reject(e);
			}
			if (size === 0) return reject(new ApiError(400, 'empty_body', 'the body is empty'));
			try {
				resolve(parseJsonBytes(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)));
			} catch (x) {
				reject(x);
			}
		};
		function onData(chunk: Buffer) {
			size += chunk.length;
			if (size > limit || size > rawLimit) return done(tooLarge(limit));
			chunks.push(chunk);
		}
		const onEnd = () => done(null);
		const onFail = () => done(unreadable());
		req.on('data', onData).once('end', onEnd).once('error', onFail).once('close', onFail);
	});
}

/** The value of a JSON body's bytes: UTF-8, valid JSON, no key of `FORBIDDEN_KEYS`; else 400. */
export function parseJsonBytes(bytes: Uint8Array): unknown {
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
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

const unreadable = () => new ApiError(400, 'unreadable_body', 'the body could not be read');
const tooLarge = (limit: number) =>
	new ApiError(413, 'body_too_large', `the body is larger than ${limit} bytes`);
