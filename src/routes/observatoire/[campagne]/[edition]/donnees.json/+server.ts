import { openDataFile } from '$lib/server/observatory/files';
import type { RequestHandler } from './$types';

/** An edition's open data as JSON: the edition, its licence, the same rows as the CSV. */
export const GET: RequestHandler = ({ params, request }) => openDataFile(params, 'json', request);
