import { json } from '@sveltejs/kit';
import { catalog } from '$lib/server/catalog/bundle';
import { summarize } from '$lib/domain/summary';
import type { RequestHandler } from './$types';

/** Summaries of every questionnaire version: prerendered, served as a static file. */
export const prerender = true;

export const GET: RequestHandler = () => json(catalog.list().map(summarize));
