import type { DemoPartner } from './types';

/**
 * Partners of the coalition. The real organisations get only general descriptions; the
 * kartrekker role of real organisations is an example. Invented partners end in "(voorbeeld)".
 */
export const demoPartners: DemoPartner[] = [
  {
    slug: 'gemeente-maastricht',
    name: 'Gemeente Maastricht',
    category: 'gemeente',
    description: [
      'De gemeente Maastricht werkt voor alle inwoners van de stad. Zorg en welzijn horen daar ook bij.',
      'De gemeente startte de coalitie samen met Samen voor Maastricht. De coalitie hoort bij het Lokale Plan van Aanpak tegen Eenzaamheid 2023-2025.',
      'De gemeente denkt mee en helpt waar dat nodig en mogelijk is.',
    ],
    website: 'https://www.gemeentemaastricht.nl',
    isKartrekker: false,
  },
  {
    slug: 'samen-voor-maastricht',
    name: 'Samen voor Maastricht',
    category: 'maatschappelijke organisatie',
    description: [
      'Samen voor Maastricht is een organisatie die partijen in de stad met elkaar verbindt.',
      'Samen voor Maastricht startte de coalitie samen met de gemeente Maastricht.',
      'Eenzaamheid los je niet alleen op. Daarom is samenwerken zo belangrijk.',
    ],
    website: 'https://www.samenvoormaastricht.nl',
    isKartrekker: false,
  },
  {
    slug: 'woonpunt',
    name: 'Woonpunt',
    category: 'woningcorporatie',
    description: [
      'Woonpunt is een woningcorporatie. Ze verhuurt woningen, ook in Maastricht.',
      'Een woningcorporatie heeft veel contact met huurders. Zo kan ze eenzaamheid op tijd zien.',
      'In deze demo staat Woonpunt als kartrekker. Die rol is hier alleen een voorbeeld.',
    ],
    website: 'https://www.woonpunt.nl',
    isKartrekker: true,
  },
  {
    slug: 'maasvallei',
    name: 'Maasvallei',
    category: 'woningcorporatie',
    description: [
      'Maasvallei is een woningcorporatie in Maastricht.',
      'Veel huurders wonen alleen. Een buurt waar mensen elkaar kennen, helpt tegen eenzaamheid.',
    ],
    website: 'https://maasvallei.nl',
    isKartrekker: false,
  },
  {
    slug: 'servatius',
    name: 'Servatius',
    category: 'woningcorporatie',
    description: [
      'Servatius is een woningcorporatie in Maastricht.',
      'Een fijne buurt begint bij contact tussen buren. Daarom doet een woningcorporatie mee.',
    ],
    website: 'https://www.servatius.nl',
    isKartrekker: false,
  },
  {
    slug: 'trajekt',
    name: 'Trajekt',
    category: 'zorg en welzijn',
    description: [
      'Trajekt is een welzijnsorganisatie. Ze werkt ook in de wijken van Maastricht.',
      'Welzijnswerkers spreken veel mensen. Zij merken het vaak als iemand eenzaam is.',
      'In deze demo staat Trajekt als kartrekker. Die rol is hier alleen een voorbeeld.',
    ],
    website: 'https://www.trajekt.nl',
    isKartrekker: true,
  },
  {
    slug: 'humanitas-maastricht-heuvelland',
    name: 'Humanitas Maastricht-Heuvelland',
    category: 'maatschappelijke organisatie',
    description: [
      'Humanitas Maastricht-Heuvelland is de afdeling van Humanitas in deze regio. Humanitas werkt met vrijwilligers.',
      'Het Signaalpunt Maastricht tegen Eenzaamheid werkt samen met Humanitas Maastricht-Heuvelland. Daar kun je melden dat iemand misschien eenzaam is.',
      'In deze demo staat Humanitas Maastricht-Heuvelland als kartrekker. Die rol is hier alleen een voorbeeld.',
    ],
    isKartrekker: true,
  },
  {
    slug: 'zonnebloem',
    name: 'Zonnebloem',
    category: 'vereniging',
    description: [
      'Zonnebloem is een landelijke vrijwilligersorganisatie. De vrijwilligers zijn er voor mensen met een ziekte of beperking.',
      'Samen iets leuks doen, helpt tegen eenzaamheid.',
    ],
    website: 'https://www.zonnebloem.nl',
    isKartrekker: false,
  },
  {
    slug: 'kbo-limburg',
    name: 'KBO Limburg',
    category: 'vereniging',
    description: [
      'KBO Limburg is een vereniging van en voor senioren in Limburg.',
      'Veel ouderen wonen alleen. Contact met leeftijdsgenoten kan dan veel betekenen.',
    ],
    website: 'https://kbolimburg.nl',
    isKartrekker: false,
  },
  {
    slug: 'ggd-zuid-limburg',
    name: 'GGD Zuid-Limburg',
    category: 'zorg en welzijn',
    description: [
      'De GGD Zuid-Limburg werkt aan de gezondheid van alle inwoners in de regio.',
      'Eenzaamheid heeft invloed op je gezondheid. Daarom is het ook een onderwerp voor de GGD.',
    ],
    website: 'https://www.ggdzl.nl',
    isKartrekker: false,
  },
  {
    slug: 'maastrichtdoet',
    name: 'MaastrichtDoet!',
    category: 'anders',
    description: [
      'MaastrichtDoet! brengt vrijwilligers en organisaties in Maastricht bij elkaar.',
      'Vrijwilligerswerk is een goede manier om mensen te leren kennen. En je helpt er anderen mee.',
    ],
    website: 'https://maastrichtdoet.nl',
    isKartrekker: false,
  },
  {
    slug: 'serve-the-city-maastricht',
    name: 'Serve the City Maastricht',
    category: 'stichting',
    description: [
      'Serve the City Maastricht is een vrijwilligersorganisatie. Vrijwilligers helpen inwoners van de stad.',
      'Door elkaar te helpen, leer je elkaar kennen. Zo ontstaat nieuw contact.',
    ],
    website: 'https://www.stcmaastricht.nl',
    isKartrekker: false,
  },
  {
    slug: 'buurtnetwerk-de-verbinding-voorbeeld',
    name: 'Buurtnetwerk De Verbinding (voorbeeld)',
    category: 'buurtnetwerk',
    description: [
      'Dit buurtnetwerk is een verzonnen voorbeeld voor deze demo.',
      'Bewoners letten op elkaar. Ze organiseren samen activiteiten in de wijk, zoals koffie-ochtenden en een buurtlunch.',
      'In deze demo is het buurtnetwerk kartrekker. Het laat zien hoe bewoners zelf een rol kunnen pakken.',
    ],
    website: 'https://example.org/buurtnetwerk-de-verbinding',
    isKartrekker: true,
    contact: { name: 'Secretariaat (voorbeeld)', email: 'buurtnetwerk@example.org' },
  },
  {
    slug: 'installatiebedrijf-maasdal-voorbeeld',
    name: 'Installatiebedrijf Maasdal (voorbeeld)',
    category: 'bedrijf',
    description: [
      'Dit bedrijf is een verzonnen voorbeeld voor deze demo.',
      'Monteurs van het bedrijf komen elke dag bij mensen thuis. Ze zien soms dat iemand erg alleen is.',
      'Het bedrijf leert zijn monteurs hoe ze dan een praatje maken. En waar ze een zorg kunnen melden.',
    ],
    isKartrekker: false,
    contact: { email: 'info-maasdal@example.org' },
  },
  {
    slug: 'opleiding-sociaal-werk-de-brug-voorbeeld',
    name: 'Opleiding Sociaal Werk De Brug (voorbeeld)',
    category: 'onderwijs',
    description: [
      'Deze opleiding is een verzonnen voorbeeld voor deze demo.',
      'Studenten leren hoe ze eenzaamheid herkennen. Tijdens hun stage helpen ze bij activiteiten in de wijk.',
      'Zo leren jongeren en ouderen elkaar kennen.',
    ],
    website: 'https://example.org/opleiding-de-brug',
    isKartrekker: false,
  },
];
