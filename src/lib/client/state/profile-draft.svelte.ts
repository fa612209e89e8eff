import { cohortChain, type Cohort } from '../../domain/cohort.ts';
import type { AgentsBand, Profile, TerritoryType } from '../../domain/profile.ts';
import {
	parsePopulation,
	parseVintage,
	type ProfileFieldError
} from '../../domain/profile-input.ts';
import type { TerritoryHit } from '../../domain/territory.ts';

export type ProfileField = 'name' | 'population' | 'populationVintage' | 'agents';

/** The territory profile being filled in: form fields as text, checked on the way out. */
export class ProfileDraft {
	type: TerritoryType = $state('commune');
	name = $state('');
	code = $state('');
	population = $state('');
	populationVintage = $state('');
	region = $state('');
	agents: AgentsBand | '' = $state('');
	/** The EPCI a commune picked from the official list belongs to (shown, not stored). */
	epci: { name: string; type: TerritoryType } | null = $state(null);

	static from(profile: Profile): ProfileDraft {
		const d = new ProfileDraft();
		d.type = profile.type;
		d.name = profile.name;
		d.code = profile.code ?? '';
		d.population = profile.population?.toString() ?? '';
		d.populationVintage = profile.populationVintage?.toString() ?? '';
		d.region = profile.region ?? '';
		d.agents = profile.agents ?? '';
		return d;
	}

	/** Fills the profile from the official list; the agents band stays the officer's to give. */
	fill(hit: TerritoryHit): void {
		this.type = hit.type;
		this.name = hit.name;
		this.code = hit.code;
		this.population = hit.population?.toString() ?? '';
		this.populationVintage = String(hit.populationVintage);
		this.region = hit.region ?? '';
		this.epci = hit.epci ? { name: hit.epci.name, type: hit.epci.type } : null;
	}

	#population = $derived(parsePopulation(this.population));
	#vintage = $derived(parseVintage(this.populationVintage));

	/** Problems by field, as codes (the form says them from the catalog); empty when it can be saved. */
	errors = $derived.by(() => {
		const e: Partial<Record<ProfileField, ProfileFieldError>> = {};
		if (!this.name.trim()) e.name = 'name_required';
		if (this.#population && 'error' in this.#population) e.population = this.#population.error;
		if (this.#vintage && 'error' in this.#vintage) e.populationVintage = this.#vintage.error;
		if (!this.agents) e.agents = 'agents_required';
		return e;
	});

	toProfile(): Profile | null {
		if (Object.keys(this.errors).length > 0) return null;
		const population =
			this.#population && 'value' in this.#population ? this.#population.value : undefined;
		const vintage = this.#vintage && 'value' in this.#vintage ? this.#vintage.value : undefined;
		return {
			type: this.type,
			name: this.name.trim(),
			...(this.code.trim() ? { code: this.code.trim() } : {}),
			...(population !== undefined ? { population } : {}),
			...(vintage !== undefined ? { populationVintage: vintage } : {}),
			...(this.region ? { region: this.region } : {}),
			...(this.agents ? { agents: this.agents } : {})
		};
	}

	/**
	 * The peer group, derived from the profile as typed so far (the form says it in words): a
	 * population that is not a valid number yet is left out rather than refused here.
	 */
	cohort: Cohort = $derived.by(() => {
		const population =
			this.#population && 'value' in this.#population ? this.#population.value : undefined;
		return cohortChain({
			type: this.type,
			...(population !== undefined ? { population } : {}),
			...(this.region ? { region: this.region } : {})
		})[0]!;
	});
}
