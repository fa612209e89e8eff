import type { PopulationBand } from '$lib/domain/cohort';
import { formatNumber } from '$lib/messages/format';
import { populationBandLabel, regionName, territoryTypeLabel } from '$lib/messages/territory';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';

/** The observatory's words for cohort codes, numbers and days, in the page's language (the
 * labels of territory types, bands and régions are the app's own, `$lib/messages/territory`). */

export const typeLabel = territoryTypeLabel;
export { formatNumber, regionName };

/**
 * Formatters are built once per language: a page formats hundreds of numbers, and building an
 * `Intl` formatter costs far more than using one.
 */
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.Collator>();
function formatter<T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.Collator>(
	kind: string,
	make: (locale: string) => T
): T {
	const locale = getLocale() === 'en' ? 'en-GB' : 'fr-FR';
	const key = `${kind} ${locale}`;
	let f = formatters.get(key);
	if (!f) formatters.set(key, (f = make(locale)));
	return f as T;
}

/** Sorts texts as a reader of the page's language expects. */
export const compareText = (a: string, b: string): number =>
	formatter('collator', (l) => new Intl.Collator(l)).compare(a, b);

/** `3500-9999` → « de 3 500 à 9 999 habitants », "3,500 to 9,999 inhabitants". */
export const bandLabel = (band: string): string => populationBandLabel(band as PopulationBand);

/** « Commune · de 3 500 à 9 999 habitants · Grand Est ». */
export function cohortLabel(c: { type: string; band?: string; region?: string }): string {
	const parts = [typeLabel(c.type)];
	parts.push(c.band ? bandLabel(c.band) : m.observatory_cohort_all_bands());
	if (c.region) parts.push(regionName(c.region));
	return parts.join(' · ');
}

/** `2025-12-15` → « 15 décembre 2025 », "15 December 2025". */
export function formatDay(day: string): string {
	return formatter(
		'day',
		(l) => new Intl.DateTimeFormat(l, { dateStyle: 'long', timeZone: 'UTC' })
	).format(new Date(`${day}T00:00:00Z`));
}

/** 0.345 → « 34,5 % », "34.5%". */
export const formatRate = (rate: number): string =>
	formatter(
		'rate',
		(l) => new Intl.NumberFormat(l, { style: 'percent', maximumFractionDigits: 1 })
	).format(rate);
