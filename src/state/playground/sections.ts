/** The playground's settings panel: its sections in order and whether each starts open (titles: playground.controls.sections). */
import type { SettingSection } from '../../core/settings/config';

export const PLAYGROUND_SECTIONS: readonly { id: SettingSection; open: boolean }[] = [
  { id: 'data', open: true },
  { id: 'training', open: true },
  { id: 'privacy', open: false },
  { id: 'forger', open: false },
  { id: 'detective', open: false },
  { id: 'run', open: false },
];
