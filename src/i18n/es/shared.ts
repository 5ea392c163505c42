import type { shared as en } from '../en/shared';

export const shared: typeof en = {};
