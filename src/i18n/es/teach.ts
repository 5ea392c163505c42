import type { teach as en } from '../en/teach';

export const teach: typeof en = {};
