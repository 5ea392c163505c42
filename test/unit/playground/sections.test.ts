// Every playground setting has a place in the settings panel: a row whose section the panel does
// not list would never be shown (the DP-SGD rows were, until this test).
import { describe, expect, it } from 'vitest';
import { SETTINGS } from '../../../src/core/settings/config';
import { PLAYGROUND_SECTIONS } from '../../../src/state/playground/sections';

describe('playground settings panel', () => {
  it('lists the section of every setting, each once', () => {
    const listed = PLAYGROUND_SECTIONS.map((s) => s.id);
    expect(new Set(listed).size).toBe(listed.length);
    for (const row of SETTINGS) expect(listed, `${row.key} (section ${row.section})`).toContain(row.section);
  });
});
