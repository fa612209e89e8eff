import { ApiError } from './errors.ts';

/** A contribution is a few hundred bytes; anything much larger is not one. */
export const BODY_LIMIT = 8 * 1024;

/**
 * Reads a JSON request body of at most `limit` bytes. Refuses, before reading, another media
 * type (415) or a declared length over the limit (413); stops reading as soon as the limit is
 * passed (a chunked body declares no length); refuses bytes that are not UTF-8 and broken JSON.
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
	try {
		return JSON.parse(text) as unknown;
	} catch (e) {
		throw new ApiError(400, 'invalid_json', `the body is not valid JSON: ${(e as Error).message}`);
	}
}

const tooLarge = (limit: number) =>
	new ApiError(413, 'body_too_large', `the body is larger than ${limit} bytes`);
