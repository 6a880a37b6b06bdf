import type { DemoAction } from './types';

/** The stappenplan: one action per goal of the coalition (BRIEF.md), in order. */
export const demoActions: DemoAction[] = [
  {
    slug: 'kennis-over-eenzaamheid-delen',
    title: 'Kennis over eenzaamheid delen',
    description: [
      'Partners weten veel over eenzaamheid. Die kennis willen we met elkaar delen.',
      'We wilden eerst een eigen nieuwsbrief maken. Daar zijn we mee gestopt. Nu delen we kennis via deze website. Partners kunnen het nieuws volgen via RSS.',
    ],
    leads: ['ggd-zuid-limburg', 'samen-voor-maastricht'],
    period: 'najaar 2024',
    progress: 'gestopt',
    order: 1,
  },
  {
    slug: 'goede-voorbeelden-laten-zien',
    title: 'Goede voorbeelden uit de stad laten zien',
    description: [
      'In Maastricht gebeurt al veel tegen eenzaamheid. We verzamelen goede voorbeelden en zetten ze op deze website.',
      'Zo kunnen partners van elkaar leren. En inwoners vinden makkelijker een activiteit in hun buurt.',
    ],
    leads: ['trajekt'],
    period: 'voorjaar 2025 tot eind 2026',
    progress: 'bezig',
    order: 2,
  },
  {
    slug: 'elkaar-ontmoeten-en-netwerken',
    title: 'Elkaar ontmoeten en netwerken',
    description: [
      'Partners leren elkaar kennen op bijeenkomsten van de coalitie. Zo weet je wie je kunt bellen.',
      {
        list: [
          'Twee keer per jaar een bijeenkomst voor alle partners.',
          'Kleine bijeenkomsten per stadsdeel.',
          'Een overzicht van alle partners op deze website.',
        ],
      },
    ],
    leads: ['samen-voor-maastricht', 'gemeente-maastricht'],
    period: 'het hele jaar 2025 en 2026',
    progress: 'bezig',
    order: 3,
  },
  {
    slug: 'in-kaart-brengen-wat-iedereen-bijdraagt',
    title: 'In kaart brengen wat iedere partij kan bijdragen',
    description: [
      'Elke partner kan iets anders. De een heeft een ruimte, de ander vrijwilligers of kennis.',
      'We vroegen alle partners wat ze kunnen bijdragen. Het overzicht is klaar en gedeeld met alle deelnemers.',
    ],
    leads: ['woonpunt', 'humanitas-maastricht-heuvelland'],
    period: 'zomer 2024',
    progress: 'klaar',
    order: 4,
  },
  {
    slug: 'meer-activiteiten-in-de-wijken',
    title: 'Meer activiteiten in de wijken',
    description: [
      'We willen dat er in elk stadsdeel genoeg activiteiten zijn. Denk aan een eettafel, een huiskamer of een wandelgroep.',
      'Eerst kijken we waar nog weinig is. Daarna zoeken we samen met bewoners naar nieuwe plekken.',
    ],
    leads: ['trajekt', 'buurtnetwerk-de-verbinding-voorbeeld'],
    period: 'voorjaar 2027',
    progress: 'gepland',
    order: 5,
  },
  {
    slug: 'samen-meedoen-aan-de-week-tegen-eenzaamheid',
    title: 'Samen meedoen aan de Week tegen Eenzaamheid',
    description: [
      'Elk jaar is er eind september een Week tegen Eenzaamheid. De partners doen daar samen aan mee.',
      'We maken één agenda met alle activiteiten in Maastricht. Zo vinden inwoners snel iets in hun buurt.',
    ],
    leads: ['samen-voor-maastricht', 'zonnebloem'],
    period: 'september 2025 en september 2026',
    progress: 'klaar',
    order: 6,
  },
];
