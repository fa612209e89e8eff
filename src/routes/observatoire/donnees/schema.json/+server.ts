import { json } from '@sveltejs/kit';
import { tableSchema } from '$lib/components/observatory/dictionary';
import { LICENCE } from '$lib/server/observatory/service';
import type { RequestHandler } from './$types';

/** The open data's dictionary as a Table Schema, the same whatever the page language. */
export const GET: RequestHandler = () =>
	json(tableSchema(LICENCE), {
		headers: { 'cache-control': 'public, max-age=3600', 'access-control-allow-origin': '*' }
	});
