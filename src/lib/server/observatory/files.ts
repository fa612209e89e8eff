import { error } from '@sveltejs/kit';
import { matchesEtag } from '../http/etag.ts';
import { editionParams } from './params.ts';
import { observatory } from './runtime.ts';
import { LICENCE } from './service.ts';

/**
 * The answer for an open data file of an edition: its stable URL, an ETag (304 when it
 * matches), CORS open (anyone may reuse it, from any site) and links to its licence and its
 * dictionary. Security headers are set here, all of them (see `withSecurityHeaders`).
 */
export async function openDataFile(
	params: { campagne: string; edition: string },
	kind: 'csv' | 'json',
	request: Request
): Promise<Response> {
	const ids = editionParams(params);
	const files = ids && (await observatory().files(ids[0], ids[1]));
	if (!files) error(404, 'no such edition');
	const file = files[kind];
	const headers = {
		'content-type': kind === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
		'content-disposition': `inline; filename="numeriscope-${ids![0]}-edition-${ids![1]}.${kind}"`,
		etag: file.etag,
		'cache-control': 'public, max-age=300',
		link: `<${LICENCE.url}>; rel="license", </observatoire/donnees/schema.json>; rel="describedby"`,
		'access-control-allow-origin': '*',
		'access-control-expose-headers': 'etag, link',
		'x-content-type-options': 'nosniff',
		'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
		'referrer-policy': 'no-referrer',
		'cross-origin-resource-policy': 'cross-origin'
	};
	if (matchesEtag(request.headers.get('if-none-match'), file.etag))
		return new Response(null, { status: 304, headers });
	return new Response(file.body, { headers });
}
