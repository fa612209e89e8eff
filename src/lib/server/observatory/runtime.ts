import { benchmarks } from '../benchmarks/runtime.ts';
import { ObservatoryService } from './service.ts';

let service: ObservatoryService | undefined;

/** The observatory's reader of editions, on the running benchmark store. */
export function observatory(): ObservatoryService {
	if (!service) {
		const { store, service: bench } = benchmarks();
		service = new ObservatoryService(store.db, bench.cache);
	}
	return service;
}
