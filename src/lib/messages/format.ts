import { locale } from './locale.ts';
import type { Locale } from '../domain/localize.ts';

const numbers = new Map<Locale, Intl.NumberFormat>();
/** `4200` → « 4 200 » in French, "4,200" in English. */
export function formatNumber(n: number): string {
	const l = locale();
	let f = numbers.get(l);
	if (!f) numbers.set(l, (f = new Intl.NumberFormat(l === 'en' ? 'en-GB' : 'fr-FR')));
	return f.format(n);
}

/** `['a', 'b', 'c']` → « a, b ou c » / "a, b or c" (`disjunction`), « a, b et c » / "a, b and c". */
export function formatList(items: string[], type: 'conjunction' | 'disjunction'): string {
	return new Intl.ListFormat(locale() === 'en' ? 'en-GB' : 'fr-FR', { type }).format(items);
}

const dates = new Map<Locale, Intl.DateTimeFormat>();
/** A date in full: « 30 novembre 2026 » / "30 November 2026" (read in UTC). */
export function dateText(d: Date, l: Locale = locale()): string {
	let f = dates.get(l);
	if (!f)
		dates.set(
			l,
			(f = new Intl.DateTimeFormat(l === 'en' ? 'en-GB' : 'fr-FR', {
				dateStyle: 'long',
				timeZone: 'UTC'
			}))
		);
	return f.format(d);
}

/**
 * Makes the number and date formats of the page's language ahead of the render. The first
 * `Intl` format of a page loads the browser's locale data: ~25 ms on an ordinary laptop, ~100 ms
 * on a slow one. A page that formats numbers on its first render calls this in a task of its own
 * while it waits for its data (`setTimeout(prepareFormats)` in its load), so that this cost is
 * not added to the render's task.
 */
export function prepareFormats(): void {
	formatNumber(0);
	dateText(new Date(0));
}
