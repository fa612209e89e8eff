import { afterEach } from 'vitest';
import { baseLocale, overwriteGetLocale } from '$lib/paraglide/runtime';
import type { Locale } from '../domain/localize.ts';

/** Renders the messages of a test in `locale`; back to French after each test. */
export function useLocale(locale: Locale): void {
	overwriteGetLocale(() => locale);
}
afterEach(() => overwriteGetLocale(() => baseLocale));
