import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { formatProblem, loadCatalog } from './load.ts';

export const CATALOG_MODULE = 'virtual:numeriscope/catalog';
const RESOLVED = '\0' + CATALOG_MODULE;

/**
 * Turns `questionnaires/**\/v*.yaml` into a module of validated JSON, so that neither the server
 * bundle nor the browser ships a YAML parser, and a build with an invalid questionnaire fails with
 * every problem listed. In dev, editing a file reloads the page (or shows the problems).
 */
export function catalogPlugin(dir = 'questionnaires'): Plugin {
	const root = resolve(dir);
	return {
		name: 'numeriscope-catalog',
		resolveId(id) {
			return id === CATALOG_MODULE ? RESOLVED : undefined;
		},
		load(id) {
			if (id !== RESOLVED) return;
			const { questionnaires, problems, files } = loadCatalog(root);
			for (const file of files) this.addWatchFile(file);
			if (problems.length > 0) {
				this.error(
					`invalid questionnaire(s) in ${dir}/ (${problems.length} problem(s)):\n` +
						problems.map((p) => '  ' + formatProblem(p)).join('\n')
				);
			}
			return `export default ${JSON.stringify(questionnaires)};`;
		},
		configureServer(server) {
			server.watcher.add(root);
			const reload = (file: string) => {
				if (!file.startsWith(root) || !/\.ya?ml$/.test(file)) return;
				for (const env of Object.values(server.environments)) {
					const mod = env.moduleGraph.getModuleById(RESOLVED);
					if (mod) env.moduleGraph.invalidateModule(mod);
				}
				server.ws.send({ type: 'full-reload' });
			};
			server.watcher.on('change', reload);
			server.watcher.on('add', reload);
			server.watcher.on('unlink', reload);
		}
	};
}
