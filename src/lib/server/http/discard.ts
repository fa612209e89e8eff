import type { IncomingMessage } from 'node:http';

/** What is read of a refused body before answering; past it, the connection is cut. */
const DRAIN_BYTES = 1024 * 1024;
const DRAIN_MS = 2000;

/**
 * Reads and drops what is left of a refused request body (up to 1 MiB or 2 s) before the error
 * is answered. Node closes a connection whose request is unfinished when the response ends, and
 * the client's kernel then drops the error response on the reset: a client still sending would
 * see ECONNRESET instead of its 4xx. Past the bound, the client is not sending a contribution
 * and gets the reset. Returns whether the whole body was read. When the adapter has refused the stream itself (over BODY_SIZE_LIMIT),
 * the raw Node request is drained instead (the server entry's fast path, which has no `Request`,
 * passes only that).
 */
export async function drainBody(
	request: Request | undefined,
	raw: IncomingMessage | undefined
): Promise<boolean> {
	let left = DRAIN_BYTES;
	const deadline = Date.now() + DRAIN_MS;
	if (request?.body && !request.body.locked) {
		const reader = request.body.getReader();
		try {
			while (left > 0 && Date.now() < deadline) {
				const { done, value } = await reader.read();
				if (done) return true;
				left -= value.byteLength;
			}
			return false;
		} catch {
			// The adapter refused the stream: fall through to the raw request.
		} finally {
			reader.releaseLock();
		}
	}
	if (!raw || raw.readableEnded || raw.destroyed) return raw?.readableEnded ?? false;
	return new Promise<boolean>((resolve) => {
		const timer = setTimeout(done, Math.max(0, deadline - Date.now()));
		function done() {
			clearTimeout(timer);
			raw!.off('data', onData).off('end', done).off('error', done).off('close', done);
			raw!.pause();
			resolve(raw!.readableEnded);
		}
		function onData(chunk: Buffer) {
			left -= chunk.length;
			if (left <= 0) done();
		}
		raw.on('data', onData).once('end', done).once('error', done).once('close', done);
		raw.resume();
	});
}
