import { openDataFile } from '$lib/server/observatory/files';
import type { RequestHandler } from './$types';

/** An edition's open data as CSV: one row per published cell and score. */
export const GET: RequestHandler = ({ params, request }) => openDataFile(params, 'csv', request);
