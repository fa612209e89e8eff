import { regions } from '$lib/domain/regions';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';

/** The observatory's words for cohort codes, numbers and days, in the page's language. */

const typeLabels: Record<string, () => string> = {
	commune: m.observatory_type_commune,
	cc: m.observatory_type_cc,
	ca: m.observatory_type_ca,
	cu: m.observatory_type_cu,
	metropole: m.observatory_type_metropole,
	departement: m.observatory_type_departement,
	region: m.observatory_type_region,
	autre: m.observatory_type_autre
};

export const typeLabel = (type: string): string => typeLabels[type]?.() ?? type;

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

export const formatNumber = (n: number): string =>
	formatter('number', (l) => new Intl.NumberFormat(l)).format(n);

/** Sorts texts as a reader of the page's language expects. */
export const compareText = (a: string, b: string): number =>
	formatter('collator', (l) => new Intl.Collator(l)).compare(a, b);

/** `3500-9999` → « de 3 500 à 9 999 habitants », "3,500 to 9,999 inhabitants". */
export function bandLabel(band: string): string {
	const [min, max] = band.split(/[-+]/).map(Number);
	if (band.endsWith('+')) return m.observatory_band_over({ min: formatNumber(min!) });
	if (min === 0) return m.observatory_band_under({ max: formatNumber(max! + 1) });
	return m.observatory_band_range({ min: formatNumber(min!), max: formatNumber(max!) });
}

/** Région names are proper names: the same in both languages. */
export const regionName = (code: string): string => regions[code] ?? code;

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
