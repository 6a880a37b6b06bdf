/** A stadsdeel (district) of Maastricht with its wijken, as used since October 2022. */
export interface DistrictDefinition {
  /** Display name, e.g. "Noord-West". */
  name: string;
  /** URL-safe identifier, e.g. "noord-west". */
  slug: string;
  /** The wijken (neighbourhoods) in this stadsdeel, by display name. */
  neighbourhoods: readonly string[];
}

/** The seven stadsdelen of Maastricht and their wijken (BRIEF.md). */
export const MAASTRICHT_DISTRICTS: readonly DistrictDefinition[] = [
  {
    name: 'Centrum',
    slug: 'centrum',
    neighbourhoods: [
      'Binnenstad',
      'Boschstraatkwartier',
      'Statenkwartier',
      'Kommelkwartier',
      'Jekerkwartier',
      'Sint Maartenspoort',
      'Wyck',
    ],
  },
  {
    name: 'Noord-West',
    slug: 'noord-west',
    neighbourhoods: [
      'Frontenkwartier',
      'Malpertuis',
      'Malberg',
      'Caberg',
      'Oud-Caberg',
      'Bosscherveld',
      'Belvédère',
      'Lanakerveld',
    ],
  },
  {
    name: 'West',
    slug: 'west',
    neighbourhoods: [
      'Dousberg-Hazendans',
      'Daalhof',
      'Belfort',
      'Mariaberg',
      'Brusselsepoort',
      'Pottenberg',
    ],
  },
  {
    name: 'Noord',
    slug: 'noord',
    neighbourhoods: ['Borgharen', 'Itteren', 'Limmel', 'Nazareth', 'Beatrixhaven', 'Meerssenhoven'],
  },
  {
    name: 'Oost',
    slug: 'oost',
    neighbourhoods: ['Amby', 'Scharn', 'Heer', 'Wittevrouwenveld', 'Wyckerpoort'],
  },
  {
    name: 'Zuid',
    slug: 'zuid',
    neighbourhoods: ['Boschpoort', 'Heugemerveld', 'Randwyck', 'Heugem', 'De Heeg', 'Vroendaal'],
  },
  {
    name: 'Zuid-West',
    slug: 'zuid-west',
    neighbourhoods: ['Villapark', 'Jekerdal', 'Sint Pieter', 'Biesland', 'Campagne', 'Wolder'],
  },
];
