import { z } from 'zod';
import {
	agentsBands,
	POPULATION_VINTAGE,
	territoryTypes,
	type AgentsBand
} from './profile-fields.ts';

export const territoryTypeSchema = z.enum(territoryTypes);
export const agentsBandSchema = z.enum(
	agentsBands.map((b) => b.id) as [AgentsBand, ...AgentsBand[]]
);

/** A region's INSEE code: two digits (e.g. "44" Grand Est, "01" Guadeloupe). */
export const regionCodeSchema = z.string().regex(/^\d{2}$/, 'code région INSEE à deux chiffres');

/** The territory a diagnostic is about. Every field but the type and name may be unknown. */
export const profileSchema = z.strictObject({
	type: territoryTypeSchema,
	name: z.string().trim().min(1),
	/** INSEE code (commune, département, région) or SIREN (EPCI, other bodies). */
	code: z.string().trim().min(1).optional(),
	population: z.int().nonnegative().optional(),
	/** Year of the INSEE "populations légales" the population comes from. */
	populationVintage: z.int().min(POPULATION_VINTAGE.min).max(POPULATION_VINTAGE.max).optional(),
	region: regionCodeSchema.optional(),
	agents: agentsBandSchema.optional()
});
export type Profile = z.infer<typeof profileSchema>;

export type { AgentsBand, TerritoryType } from './profile-fields.ts';
