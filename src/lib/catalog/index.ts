import questionnaires from 'virtual:numeriscope/catalog';
import { createCatalog } from '../domain/catalog.ts';

/**
 * The questionnaires shipped with this build, validated at build time (see
 * `src/lib/server/catalog/vite-plugin.ts`): `catalog.list()`, `catalog.get(id, version)`,
 * `catalog.latest(id)`.
 */
export const catalog = createCatalog(questionnaires);
