import type { DemoImageKey } from './demo/types';

/** A demo illustration shipped in cms/seed-images/, with the alternative text it is uploaded with. */
export interface DemoImage {
  /** File name in cms/seed-images/. */
  file: string;
  /** Alternative text in Dutch: what the illustration shows. */
  alternativeText: string;
}

/** The demo illustrations (drawn for this project; sources in cms/seed-images/src/). */
export const DEMO_IMAGES: Record<DemoImageKey, DemoImage> = {
  meeting: {
    file: 'meeting.jpg',
    alternativeText: 'Tekening van een zaal met twee rijen mensen die naar een scherm kijken.',
  },
  'shared-meal': {
    file: 'shared-meal.jpg',
    alternativeText: 'Tekening van vier mensen aan een ronde tafel met borden eten.',
  },
  'walking-group': {
    file: 'walking-group.jpg',
    alternativeText:
      'Tekening van vijf mensen die samen wandelen over een groene heuvel in de zon.',
  },
  'living-room': {
    file: 'living-room.jpg',
    alternativeText: 'Tekening van twee mensen op een bank in een huiskamer, met koffie op tafel.',
  },
  'phone-call': {
    file: 'phone-call.jpg',
    alternativeText: 'Tekening van een mobiele telefoon die overgaat, met de foto van een beller.',
  },
  neighbourhood: {
    file: 'neighbourhood.jpg',
    alternativeText: 'Tekening van een straat met vijf gekleurde huizen en twee buren op de stoep.',
  },
};
