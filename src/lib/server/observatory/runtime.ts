import { benchmarks } from '../benchmarks/runtime.ts';
import { ObservatoryService } from './service.ts';
import { PageCache, registerPageFastPath } from './page-cache.ts';

let service: ObservatoryService | undefined;

/** The observatory's reader of editions, on the running benchmark store. */
export function observatory(): ObservatoryService {
	if (!service) {
		const { store, service: bench } = benchmarks();
		service = new ObservatoryService(store.db, bench.cache);
	}
	return service;
}

let pages: PageCache | undefined;

/** The observatory's rendered pages, kept until the benchmark cache loads a new edition. */
export function observatoryPages(): PageCache {
	if (!pages) {
		const { cache } = benchmarks().service;
		pages = new PageCache(() => cache.generation);
		registerPageFastPath(pages);
	}
	return pages;
}
