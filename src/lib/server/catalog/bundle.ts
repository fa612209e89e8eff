import questionnaires from 'virtual:numeriscope/catalog';
import { createCatalog } from '../../domain/catalog.ts';

/**
 * The questionnaires shipped with this build, validated at build time (see `vite-plugin.ts`):
 * `catalog.list()`, `catalog.get(id, version)`, `catalog.latest(id)`. Server-only, as every
 * questionnaire is in it: the browser fetches the summaries (`/api/catalog.json`) and the versions
 * it needs (`/api/questionnaires/<id>/v<N>.json`, prerendered), see `src/lib/client/catalog.ts`.
 */
export const catalog = createCatalog(questionnaires);
