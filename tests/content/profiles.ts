import type { Profile } from '../../src/lib/domain/profile.ts';

/** The seven reference territories the content is checked against (issue "Questionnaires v1"). */
export const referenceProfiles = {
	'commune-400': {
		type: 'commune',
		name: 'Commune de 400 habitants',
		population: 400,
		agents: '0-9',
		region: '84'
	},
	'commune-4000': {
		type: 'commune',
		name: 'Commune de 4 000 habitants',
		population: 4000,
		agents: '10-49',
		region: '53'
	},
	'commune-60000': {
		type: 'commune',
		name: 'Commune de 60 000 habitants',
		population: 60000,
		agents: '1000+',
		region: '44'
	},
	'cc-25000': {
		type: 'cc',
		name: 'Communauté de communes de 25 000 habitants',
		population: 25000,
		agents: '50-249',
		region: '75'
	},
	metropole: {
		type: 'metropole',
		name: 'Métropole',
		population: 500000,
		agents: '1000+',
		region: '84'
	},
	departement: {
		type: 'departement',
		name: 'Département',
		population: 800000,
		agents: '1000+',
		region: '76'
	},
	region: { type: 'region', name: 'Région', population: 5000000, agents: '1000+', region: '32' }
} satisfies Record<string, Profile>;
