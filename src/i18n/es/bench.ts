import type { bench as en } from '../en/bench';

export const bench: typeof en = {};
