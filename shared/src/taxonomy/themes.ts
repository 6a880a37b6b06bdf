/** A taxonomy term seeded by the CMS bootstrap: a theme or a target group. */
export interface TermDefinition {
  /** Display name in Dutch. */
  name: string;
  /** URL-safe identifier. */
  slug: string;
  /** One B1 sentence explaining the term to readers. */
  description: string;
}

/** Themes that articles, good practices and events are tagged with. */
export const THEMES: readonly TermDefinition[] = [
  {
    name: 'Ontmoeten',
    slug: 'ontmoeten',
    description: 'Plekken en momenten waar je andere mensen leert kennen.',
  },
  {
    name: 'Signaleren',
    slug: 'signaleren',
    description: 'Eenzaamheid op tijd zien en weten wat je dan kunt doen.',
  },
  {
    name: 'Ouderen',
    slug: 'ouderen',
    description: 'Activiteiten en hulp voor ouderen in de stad.',
  },
  {
    name: 'Jongeren',
    slug: 'jongeren',
    description: 'Eenzaamheid bij jongeren en studenten, en wat helpt.',
  },
  {
    name: 'Vrijwilligers',
    slug: 'vrijwilligers',
    description: 'Meedoen als vrijwilliger en anderen helpen.',
  },
  {
    name: 'Samenwerken',
    slug: 'samenwerken',
    description: 'Hoe organisaties in de coalitie samen optrekken.',
  },
  {
    name: 'Wonen en buurt',
    slug: 'wonen-en-buurt',
    description: 'Contact met buren en een fijne buurt om in te wonen.',
  },
  {
    name: 'Digitaal meedoen',
    slug: 'digitaal-meedoen',
    description: 'Contact houden via telefoon, computer of tablet.',
  },
];

/** Groups of people that good practices and events are meant for. */
export const TARGET_GROUPS: readonly TermDefinition[] = [
  { name: 'Ouderen', slug: 'ouderen', description: 'Mensen van 65 jaar en ouder.' },
  { name: 'Jongeren', slug: 'jongeren', description: 'Jongeren tot 27 jaar.' },
  { name: 'Studenten', slug: 'studenten', description: 'Studenten in Maastricht.' },
  {
    name: 'Mantelzorgers',
    slug: 'mantelzorgers',
    description: 'Mensen die zorgen voor een naaste.',
  },
  {
    name: 'Nieuwkomers',
    slug: 'nieuwkomers',
    description: 'Mensen die nog niet lang in Maastricht wonen.',
  },
  {
    name: 'Alleenstaanden',
    slug: 'alleenstaanden',
    description: 'Mensen die alleen wonen.',
  },
  {
    name: 'Mensen met een beperking',
    slug: 'mensen-met-een-beperking',
    description: 'Mensen met een lichamelijke of verstandelijke beperking.',
  },
  {
    name: 'Iedereen',
    slug: 'iedereen',
    description: 'Voor alle inwoners van Maastricht.',
  },
];
