import { tokenPattern } from '../benchmarks/token.ts';
import { ApiError } from './errors.ts';

/**
 * The withdrawal token of a `PUT`/`DELETE`, from `Authorization: Bearer <token>`: a header, not
 * the URL, so that it stays out of access logs, proxies and the browser's history.
 */
export function bearerToken(request: Request): string {
	const header = request.headers.get('authorization');
	const challenge = { 'www-authenticate': 'Bearer' };
	if (!header)
		throw new ApiError(
			401,
			'missing_token',
			'send the withdrawal token as "Authorization: Bearer <token>"',
			challenge
		);
	const match = /^Bearer ([^\s]+)$/i.exec(header.trim());
	if (!match || !tokenPattern.test(match[1]!))
		throw new ApiError(
			401,
			'invalid_token',
			'the withdrawal token is malformed (43 base64url characters)',
			challenge
		);
	return match[1]!;
}
