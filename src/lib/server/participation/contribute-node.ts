import type { IncomingMessage, ServerResponse } from 'node:http';
import { BODY_LIMIT, readNodeJson } from '../http/body.ts';
import { bodySizeLimit, clientAddress, type AddressSettings } from '../http/client-address.ts';
import { drainBody } from '../http/discard.ts';
import { refusalOf } from '../http/errors.ts';
import { jsonHeaders } from '../http/headers.ts';
import { internalError } from '../http/internal-error.ts';
import { admitClient } from '../http/writes.ts';
import type { ContributeFastPath } from './fast-path.ts';
import type { ParticipationService } from './service.ts';

/** Headers as the route's `Response` gives them once through the app: lower case, sorted. */
const sorted = (h: Record<string, string>): Record<string, string> =>
	Object.fromEntries(Object.entries(h).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

/** The route's JSON response headers: the data security set, then its own (see errorResponse). */
function jsonAnswer(body: string, own: Record<string, string>): Record<string, string> {
	return sorted({
		...Object.fromEntries(jsonHeaders),
		...own,
		'content-length': String(Buffer.byteLength(body))
	});
}

const CREATED = jsonAnswer('{}', { 'cache-control': 'no-store' });

/**
 * `POST /api/contributions` on Node's request and response, for the server entry's fast path
 * (see fast-path.ts): what the route (`src/routes/api/contributions/+server.ts`) and `endpoint`
 * do, step for step — the write limit of the client's address (as adapter-node tells it), the
 * JSON body read under the same limits, the same service call, `201 {}`; a refusal's 4xx JSON
 * after the body is drained, 503 when the store is out, and an unexpected error logged with an
 * id as `handleError` does. The server entry passes only requests declared JSON
 * (`isJsonType`); the app answers the others (its 415, and SvelteKit's own refusal of a
 * cross-site form post).
 */
export function contributeOnNode(
	participation: ParticipationService,
	settings: AddressSettings & { BODY_SIZE_LIMIT?: string }
): ContributeFastPath {
	const rawLimit = bodySizeLimit(settings.BODY_SIZE_LIMIT);
	const answer = async (req: IncomingMessage, res: ServerResponse) => {
		try {
			admitClient(() => clientAddress(req, settings));
			await participation.contribute(await readNodeJson(req, BODY_LIMIT, rawLimit));
			res.writeHead(201, CREATED).end('{}');
		} catch (e) {
			const r = refusalOf(e);
			if (!r) {
				const body = JSON.stringify(internalError(e, 'POST', '/api/contributions'));
				res.writeHead(500, jsonAnswer(body, {})).end(body);
				return;
			}
			// A body too long to drain ends the connection, rather than leave it half-read.
			const close: Record<string, string> =
				r.drain && !(await drainBody(undefined, req)) ? { connection: 'close' } : {};
			const body = JSON.stringify({ code: r.code, message: r.message });
			res
				.writeHead(
					r.status,
					jsonAnswer(body, { 'cache-control': 'no-store', ...r.headers, ...close })
				)
				.end(body);
		}
	};
	return (req, res) => void answer(req, res);
}
