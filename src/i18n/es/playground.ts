import type { playground as en } from '../en/playground';

export const playground: typeof en = {};
