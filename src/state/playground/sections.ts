/** The playground's settings panel: its sections in order, with their titles and whether each starts open. */
import type { SettingSection } from '../../core/settings/config';

export const PLAYGROUND_SECTIONS: readonly { id: SettingSection; title: string; open: boolean }[] = [
  { id: 'data', title: 'Real data', open: true },
  { id: 'training', title: 'The game', open: true },
  { id: 'privacy', title: 'Privacy (DP-SGD)', open: false },
  { id: 'forger', title: 'Forger (generator)', open: false },
  { id: 'detective', title: 'Detective (discriminator)', open: false },
  { id: 'run', title: 'Run', open: false },
];
