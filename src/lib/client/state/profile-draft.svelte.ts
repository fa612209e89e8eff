import { cohortChain, cohortLabel } from '../../domain/cohort.ts';
import { type AgentsBand, type Profile, type TerritoryType } from '../../domain/profile.ts';
import { agentsBands, territoryTypeLabels } from '../../domain/profile-fields.ts';
import type { TerritoryHit } from '../../domain/territory.ts';

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
	epci: string | null = $state(null);

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
		this.epci = hit.epci ? `${hit.epci.name} (${territoryTypeLabels[hit.epci.type]})` : null;
	}

	/** Problems by field, in French; empty when the profile can be saved. */
	errors = $derived.by(() => {
		const e: Record<string, string> = {};
		if (!this.name.trim()) e['name'] = 'Indiquez le nom de la collectivité.';
		if (this.population.trim() && !/^\d+$/.test(this.population.trim().replace(/\s/g, '')))
			e['population'] = 'La population est un nombre entier d’habitants, par exemple 4200.';
		if (this.populationVintage.trim() && !/^(19|20|21)\d{2}$/.test(this.populationVintage.trim()))
			e['populationVintage'] = 'Le millésime est une année, par exemple 2023.';
		if (!this.agents)
			e['agents'] = "Choisissez le nombre d'agents : certaines obligations en dépendent.";
		return e;
	});

	toProfile(): Profile | null {
		if (Object.keys(this.errors).length > 0) return null;
		const population = this.population.trim().replace(/\s/g, '');
		return {
			type: this.type,
			name: this.name.trim(),
			...(this.code.trim() ? { code: this.code.trim() } : {}),
			...(population ? { population: Number(population) } : {}),
			...(this.populationVintage.trim()
				? { populationVintage: Number(this.populationVintage) }
				: {}),
			...(this.region ? { region: this.region } : {}),
			...(this.agents ? { agents: this.agents } : {})
		};
	}

	/** The peer group, derived from the profile: "Communes de 3 500 à 9 999 habitants, Grand Est". */
	cohort = $derived.by(() => {
		const population = Number(this.population.replace(/\s/g, ''));
		const known = this.population.trim() !== '' && Number.isInteger(population);
		const [first] = cohortChain({
			type: this.type,
			...(known ? { population } : {}),
			...(this.region ? { region: this.region } : {})
		});
		return cohortLabel(first!);
	});
}

export const agentsOptions = agentsBands.map((b) => ({
	id: b.id,
	label: b.id === '1000+' ? '1 000 agents ou plus' : `de ${b.min} à ${b.max} agents`
}));
