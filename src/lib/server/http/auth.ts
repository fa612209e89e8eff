import { secretPattern } from '../../domain/participation.ts';
import { ApiError } from './errors.ts';

/**
 * The secret S of a `PUT`/`DELETE` (the contribution's replace/withdraw key), from
 * `Authorization: Bearer <S>`: a header, not the URL, so that it stays out of access logs,
 * proxies and the browser's history.
 */
export function bearerToken(request: Request): string {
	const header = request.headers.get('authorization');
	const challenge = { 'www-authenticate': 'Bearer' };
	if (!header)
		throw new ApiError(
			401,
			'missing_token',
			'send the contribution\'s secret as "Authorization: Bearer <secret>"',
			challenge
		);
	const match = /^Bearer ([^\s]+)$/i.exec(header.trim());
	if (!match || !secretPattern.test(match[1]!))
		throw new ApiError(
			401,
			'invalid_token',
			'the secret is malformed (43 base64url characters)',
			challenge
		);
	return match[1]!;
}
