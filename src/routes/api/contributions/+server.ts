import { ApiError, endpoint, methodNotAllowed } from '$lib/server/http/errors';
import { admitWrite } from '$lib/server/http/writes';
import type { RequestHandler } from './$types';

// TODO(server): the token-authorised flow lands in the next commit.
const refuse: RequestHandler = endpoint(async (event) => {
	admitWrite(event);
	throw new ApiError(401, 'token_required', 'a contribution needs a participation token');
});

export const POST = refuse;
export const PUT = refuse;
export const DELETE = refuse;
export const fallback: RequestHandler = methodNotAllowed(['POST', 'PUT', 'DELETE']);
