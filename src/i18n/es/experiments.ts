import type { experiments as en } from '../en/experiments';

export const experiments: typeof en = {};
