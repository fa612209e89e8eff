import { POPULATION_MAX, POPULATION_VINTAGE } from './profile-fields.ts';

/*
 * The profile form's fields as typed, checked against the bounds the import uses. Apart from
 * `profile-fields.ts` so that the answering page, which reads the agents bands, does not load it.
 */

/** Why a field of the profile form cannot be saved; the UI says it from the message catalog. */
export type ProfileFieldError =
	| 'name_required'
	| 'population_not_whole'
	| 'population_too_large'
	| 'vintage_out_of_range'
	| 'agents_required';

/**
 * A population as typed: digits, with spaces between thousands allowed ("103 671").
 * `-5`, `1e12`, `12,5` or `abc` are not a number of inhabitants; above `POPULATION_MAX` is a typo.
 */
export function parsePopulation(
	typed: string
): { value: number } | { error: ProfileFieldError } | null {
	const digits = typed.replace(/\s/g, '');
	if (digits === '') return null;
	if (!/^\d+$/.test(digits)) return { error: 'population_not_whole' };
	const value = Number(digits);
	return value > POPULATION_MAX ? { error: 'population_too_large' } : { value };
}

/** A population vintage as typed: a year within `POPULATION_VINTAGE`. */
export function parseVintage(
	typed: string
): { value: number } | { error: ProfileFieldError } | null {
	const text = typed.trim();
	if (text === '') return null;
	const value = Number(text);
	return /^\d{4}$/.test(text) && value >= POPULATION_VINTAGE.min && value <= POPULATION_VINTAGE.max
		? { value }
		: { error: 'vintage_out_of_range' };
}
