// The transport's clock (nodes/shared/transport/clock.ts) replaced for one test: time stands
// still except for the waits the transport asks for, which are recorded and pass at once. Tests
// of window edges and backoffs check those waits instead of measuring real time.
import { clock } from '../../nodes/shared/transport/clock';

export interface FakeClock {
	/** The transport's "now", epoch milliseconds; a test may move it. */
	now: number;
	/** Every wait the transport asked for, in milliseconds, in order. */
	waits: number[];
	restore(): void;
}

export function fakeClock(start = 1_767_000_000_000): FakeClock {
	const real = { ...clock };
	const fake: FakeClock = {
		now: start,
		waits: [],
		restore: () => Object.assign(clock, real),
	};
	clock.now = () => fake.now;
	clock.sleep = async (ms: number) => {
		fake.waits.push(ms);
		fake.now += ms;
	};
	return fake;
}
