import { m } from '$lib/paraglide/messages';
import { POPULATION_MAX, POPULATION_VINTAGE } from '../domain/profile-fields.ts';
import type { ProfileFieldError } from '../domain/profile-input.ts';
import { formatNumber } from './format.ts';

/** What is wrong with a field of the profile form, and how to put it right. */
export function profileErrorText(code: ProfileFieldError): string {
	switch (code) {
		case 'name_required':
			return m.profile_error_name_required();
		case 'population_not_whole':
			return m.profile_error_population_not_whole();
		case 'population_too_large':
			return m.profile_error_population_too_large({ max: formatNumber(POPULATION_MAX) });
		case 'vintage_out_of_range':
			return m.profile_error_vintage_out_of_range({
				min: String(POPULATION_VINTAGE.min),
				max: String(POPULATION_VINTAGE.max)
			});
		case 'agents_required':
			return m.profile_error_agents_required();
	}
}
