/** A lesson's lab preset as the full config its lab runs (the lesson's link query over the defaults). */
import type { Config } from '../../src/core/settings/config';
import { runConfig } from '../../src/core/skew/skew';
import { decodeConfig } from '../../src/state/shared/url';
import { lessonBySlug } from '../../src/state/lessons/lessons';

export function lessonConfig(slug: string): Config {
  const l = lessonBySlug(slug);
  if (!l) throw new Error(`no lesson ${slug}`);
  const d = decodeConfig(new URLSearchParams(l.meta.preset), undefined, []);
  if (d.notices.length) throw new Error(`lesson ${slug}'s preset has notices: ${d.notices.join(' ')}`);
  return runConfig(d.config);
}

/** The full config of a lesson's lab block (its preset over the defaults), found by its preset query. */
export function lessonLabConfig(slug: string, preset: string): Config {
  const l = lessonBySlug(slug);
  if (!l) throw new Error(`no lesson ${slug}`);
  const lab = l.labs.find((x) => x.preset === preset);
  if (!lab) throw new Error(`lesson ${slug} has no lab with the preset ${preset}`);
  const d = decodeConfig(new URLSearchParams(lab.preset), undefined, []);
  if (d.notices.length) throw new Error(`lesson ${slug}'s lab ${preset} has notices: ${d.notices.join(' ')}`);
  return d.config;
}
