import type { DemoEvent } from './types';

/**
 * Agenda items. The kick-off is factual; every other event is invented and ends in
 * "(voorbeeld)". Upcoming events count days from the seed, so they stay upcoming.
 */
export const demoEvents: DemoEvent[] = [
  {
    slug: 'startbijeenkomst-coalitie-2024',
    title: 'Startbijeenkomst Lokale Coalitie tegen Eenzaamheid Maastricht',
    summary:
      'Op donderdag 28 maart 2024 ging de Lokale Coalitie tegen Eenzaamheid Maastricht van start. Meer dan 110 mensen deden mee aan de startbijeenkomst.',
    body: [
      'De gemeente Maastricht en Samen voor Maastricht nodigden organisaties uit de hele stad uit. Samen gaven zij de start van de coalitie.',
      'Meer dan 110 mensen deden mee. Wethouder Alain Garnier (gezondheid) en wethouder Jeroen Hoenderkamp (welzijn) waren erbij.',
      'Lees het verslag van de bijeenkomst bij het nieuws.',
      'De begin- en eindtijd in deze agenda zijn een schatting voor deze demo.',
    ],
    startsAt: { date: '2024-03-28', time: '15:00' },
    endsAt: { date: '2024-03-28', time: '17:00' },
    location: { city: 'Maastricht' },
    organiser: 'gemeente-maastricht',
    eventStatus: 'gepland',
    themes: ['samenwerken', 'ontmoeten'],
    image: 'meeting',
  },
  {
    slug: 'koffieochtend-wittevrouwenveld-2025-voorbeeld',
    title: 'Koffieochtend in Wittevrouwenveld (voorbeeld)',
    summary:
      'De Week tegen Eenzaamheid begint met koffie. Kom langs, maak een praatje en leer je buren kennen. Je hoeft je niet aan te melden.',
    body: [
      'Deze activiteit is een verzonnen voorbeeld voor deze demo.',
      'Op de eerste dag van de Week tegen Eenzaamheid zetten we de koffie klaar. Iedereen is welkom.',
      {
        list: [
          'Koffie, thee en iets lekkers.',
          'Informatie over activiteiten in de wijk.',
          'Vrijwilligers die je graag verder helpen.',
        ],
      },
    ],
    startsAt: { date: '2025-09-25', time: '10:00' },
    endsAt: { date: '2025-09-25', time: '12:00' },
    location: {
      venue: 'Buurthuis in Wittevrouwenveld (voorbeeld)',
      city: 'Maastricht',
      district: 'oost',
    },
    organiser: 'trajekt',
    cost: 'Gratis',
    accessibilityNotes: 'Rolstoeltoegankelijk. Er is een toegankelijk toilet.',
    eventStatus: 'gepland',
    themes: ['ontmoeten', 'wonen-en-buurt'],
    image: 'living-room',
  },
  {
    slug: 'samen-wandelen-heer-2025-voorbeeld',
    title: 'Samen wandelen door Heer (voorbeeld)',
    summary:
      'Wandel mee door Heer in een rustig tempo. Na afloop drinken we samen koffie. Een activiteit in de Week tegen Eenzaamheid.',
    body: [
      'Deze activiteit is een verzonnen voorbeeld voor deze demo.',
      'We wandelen ongeveer een uur. Er is ook een korte route van een half uur. Na afloop is er koffie in het buurthuis.',
      'Trek stevige schoenen aan. Bij regen gaan we ook, dus neem een jas mee.',
    ],
    startsAt: { date: '2025-09-27', time: '10:00' },
    endsAt: { date: '2025-09-27', time: '11:30' },
    location: { venue: 'Buurthuis in Heer (voorbeeld)', city: 'Maastricht', district: 'oost' },
    organiser: 'kbo-limburg',
    cost: 'Gratis',
    accessibilityNotes:
      'Rustig tempo. De korte route is geschikt voor een rollator. Het buurthuis is rolstoeltoegankelijk.',
    eventStatus: 'gepland',
    themes: ['ontmoeten', 'ouderen'],
    image: 'walking-group',
  },
  {
    slug: 'open-eettafel-malberg-2025-voorbeeld',
    title: 'Open eettafel in Malberg (voorbeeld)',
    summary:
      'Schuif aan bij de open eettafel in Malberg. Je eet een warme maaltijd met buren. Meld je vooraf aan, want er zijn veertig plekken.',
    body: [
      'Deze activiteit is een verzonnen voorbeeld voor deze demo.',
      'In de Week tegen Eenzaamheid is de eettafel extra lang. Iedereen uit de buurt is welkom.',
      'Er is een vegetarische maaltijd. Heb je een dieet? Zet het bij je aanmelding.',
    ],
    startsAt: { date: '2025-09-30', time: '17:30' },
    endsAt: { date: '2025-09-30', time: '19:30' },
    location: {
      venue: 'Buurthuis in Malberg (voorbeeld)',
      city: 'Maastricht',
      district: 'noord-west',
    },
    organiser: 'buurtnetwerk-de-verbinding-voorbeeld',
    registrationUrl: 'https://example.org/aanmelden/eettafel-malberg',
    cost: '€ 4 per persoon',
    accessibilityNotes: 'Rolstoeltoegankelijk. Er is een toegankelijk toilet.',
    eventStatus: 'gepland',
    themes: ['ontmoeten', 'wonen-en-buurt'],
    image: 'shared-meal',
  },
  {
    slug: 'buurtlunch-nazareth-2026-voorbeeld',
    title: 'Buurtlunch in Nazareth (voorbeeld)',
    summary:
      'Op de eerste dag van de Week tegen Eenzaamheid is er een buurtlunch in Nazareth. Neem gerust een buur mee. Meld je wel even aan.',
    body: [
      'Deze activiteit is een verzonnen voorbeeld voor deze demo.',
      'Bewoners van het buurtnetwerk maken soep en broodjes. Je eet samen aan lange tafels.',
      'Ken je iemand die vaak alleen is? Vraag of hij of zij mee wil.',
    ],
    startsAt: { date: '2026-09-24', time: '12:00' },
    endsAt: { date: '2026-09-24', time: '14:00' },
    location: {
      venue: 'Buurtruimte in Nazareth (voorbeeld)',
      city: 'Maastricht',
      district: 'noord',
    },
    organiser: 'buurtnetwerk-de-verbinding-voorbeeld',
    registrationUrl: 'https://example.org/aanmelden/buurtlunch-nazareth',
    cost: 'Gratis',
    accessibilityNotes: 'Rolstoeltoegankelijk. Er is een ringleiding.',
    eventStatus: 'gepland',
    themes: ['ontmoeten', 'wonen-en-buurt'],
    image: 'shared-meal',
  },
  {
    slug: 'film-en-gesprek-2026-voorbeeld',
    title: 'Film en gesprek over eenzaamheid (voorbeeld)',
    summary:
      'We kijken samen een korte film over eenzaamheid. Daarna praten we erover. Wat herken je? En wat kun je doen?',
    body: [
      'Deze activiteit is een verzonnen voorbeeld voor deze demo.',
      'De film duurt ongeveer een uur. Na de pauze is er een gesprek in kleine groepjes. Een gespreksleider helpt daarbij.',
      'Je hoeft niets te vertellen als je dat niet wilt. Luisteren mag ook.',
    ],
    startsAt: { date: '2026-09-26', time: '14:00' },
    endsAt: { date: '2026-09-26', time: '16:30' },
    location: {
      venue: 'Filmzaal in de binnenstad (voorbeeld)',
      city: 'Maastricht',
      district: 'centrum',
    },
    organiser: 'ggd-zuid-limburg',
    cost: '€ 5, met koffie of thee',
    accessibilityNotes:
      'Rolstoeltoegankelijk. De film heeft Nederlandse ondertiteling. Er is een ringleiding in de zaal.',
    eventStatus: 'gepland',
    themes: ['signaleren', 'ontmoeten'],
  },
  {
    slug: 'online-koffie-uurtje-2026-voorbeeld',
    title: 'Online koffie-uurtje (voorbeeld)',
    summary:
      'Kom je moeilijk de deur uit? Drink dan online koffie met anderen. Je doet mee vanuit huis, met je telefoon, tablet of computer.',
    body: [
      'Deze activiteit is een verzonnen voorbeeld voor deze demo.',
      'We praten een uur over van alles. Een vrijwilliger leidt het gesprek.',
      'Klik op de link om mee te doen. Lukt het niet? Dan helpt een vrijwilliger je vooraf.',
    ],
    startsAt: { date: '2026-09-29', time: '10:30' },
    endsAt: { date: '2026-09-29', time: '11:30' },
    onlineUrl: 'https://example.org/online',
    organiser: 'zonnebloem',
    cost: 'Gratis',
    accessibilityNotes:
      'Je doet mee vanuit huis. Je kunt ook alleen luisteren, zonder beeld. Vraag vooraf hulp bij het inloggen als je dat wilt.',
    eventStatus: 'gepland',
    themes: ['digitaal-meedoen', 'ontmoeten'],
    image: 'phone-call',
  },
  {
    slug: 'vervolgbijeenkomst-coalitie-voorbeeld',
    title: 'Vervolgbijeenkomst van de coalitie (voorbeeld)',
    summary:
      'De kartrekkers laten het plan met activiteiten zien. Samen bespreken we wat iedere partner kan bijdragen. Voor alle deelnemers van de coalitie.',
    body: [
      'Datum, tijd en plek van deze bijeenkomst zijn een voorbeeld voor deze demo.',
      'De kartrekkers maakten een plan met activiteiten. Dat deden ze samen met de gemeente en Samen voor Maastricht. In deze bijeenkomst bespreken we het plan met alle deelnemers.',
      { heading: 'Programma' },
      {
        ordered: true,
        list: [
          'Welkom en een korte terugblik.',
          'De kartrekkers vertellen over het plan.',
          'In groepjes: wat kan jouw organisatie bijdragen?',
          'Afspraken voor de komende tijd.',
          'Napraten met een drankje.',
        ],
      },
    ],
    startsAt: { daysFromSeed: 28, time: '15:00' },
    endsAt: { daysFromSeed: 28, time: '17:30' },
    location: { city: 'Maastricht' },
    organiser: 'samen-voor-maastricht',
    registrationUrl: 'https://example.org/aanmelden/vervolgbijeenkomst',
    cost: 'Gratis',
    accessibilityNotes:
      'Rolstoeltoegankelijk. Er is een ringleiding. Heb je iets anders nodig? Zet het bij je aanmelding.',
    eventStatus: 'gepland',
    themes: ['samenwerken'],
    image: 'meeting',
  },
  {
    slug: 'workshop-eenzaamheid-herkennen-voorbeeld',
    title: 'Workshop: eenzaamheid herkennen (voorbeeld)',
    summary:
      'Hoe zie je dat iemand eenzaam is? En wat zeg je dan? In deze workshop oefen je met echte situaties. Voor vrijwilligers en medewerkers.',
    body: [
      'Deze activiteit is een verzonnen voorbeeld voor deze demo.',
      'Deze workshop is vol. Wil je op de wachtlijst? Stuur dan een mail naar workshop@example.org.',
      {
        list: [
          'Je leert signalen van eenzaamheid herkennen.',
          'Je oefent hoe je een gesprek begint.',
          'Je hoort waar je iemand naartoe kunt verwijzen.',
        ],
      },
    ],
    startsAt: { daysFromSeed: 10, time: '19:00' },
    endsAt: { daysFromSeed: 10, time: '21:00' },
    location: { venue: 'Wijkcentrum in Daalhof (voorbeeld)', city: 'Maastricht', district: 'west' },
    organiser: 'ggd-zuid-limburg',
    registrationUrl: 'https://example.org/aanmelden/workshop-herkennen',
    cost: 'Gratis',
    accessibilityNotes: 'Rolstoeltoegankelijk. Er is een ringleiding.',
    eventStatus: 'vol',
    themes: ['signaleren', 'vrijwilligers'],
  },
  {
    slug: 'ommetje-sint-pieter-voorbeeld',
    title: 'Ommetje door Sint Pieter (voorbeeld)',
    summary:
      'Loop mee met het ommetje door Sint Pieter. We wandelen drie kwartier in een rustig tempo. Daarna drinken we samen thee.',
    body: [
      'Deze activiteit is een verzonnen voorbeeld voor deze demo.',
      'Iedereen mag meelopen. Je hoeft je niet aan te melden. Kom gewoon op tijd naar het startpunt.',
    ],
    startsAt: { daysFromSeed: 4, time: '10:00' },
    endsAt: { daysFromSeed: 4, time: '10:45' },
    location: { city: 'Maastricht', district: 'zuid-west' },
    organiser: 'kbo-limburg',
    cost: 'Gratis',
    accessibilityNotes: 'De route is niet steil. Je mag met een rollator meelopen.',
    eventStatus: 'gepland',
    themes: ['ontmoeten', 'ouderen'],
    image: 'walking-group',
  },
  {
    slug: 'informatieavond-vrijwilligers-voorbeeld',
    title: 'Informatieavond: vrijwilliger worden tegen eenzaamheid (voorbeeld)',
    summary:
      'Wil je iets doen tegen eenzaamheid in je buurt? Op deze avond hoor je welk vrijwilligerswerk er is. Let op: de avond is verplaatst naar een nieuwe datum.',
    body: [
      'Deze activiteit is een verzonnen voorbeeld voor deze demo.',
      'Let op: deze avond is verplaatst. De nieuwe datum staat bovenaan deze pagina. Heb je je al aangemeld? Dan blijft je aanmelding geldig.',
      'Vrijwilligers vertellen over hun werk. Denk aan huisbezoek, een maatjesproject of een eettafel. Daarna kun je vragen stellen.',
    ],
    startsAt: { daysFromSeed: 45, time: '19:30' },
    endsAt: { daysFromSeed: 45, time: '21:00' },
    location: {
      venue: 'Zaal in de binnenstad (voorbeeld)',
      city: 'Maastricht',
      district: 'centrum',
    },
    organiser: 'maastrichtdoet',
    registrationUrl: 'https://example.org/aanmelden/informatieavond',
    cost: 'Gratis',
    accessibilityNotes: 'Rolstoeltoegankelijk. Er is een toegankelijk toilet.',
    eventStatus: 'verplaatst',
    themes: ['vrijwilligers'],
  },
  {
    slug: 'spelmiddag-jong-en-oud-voorbeeld',
    title: 'Spelmiddag voor jong en oud (voorbeeld)',
    summary:
      'Deze spelmiddag voor jong en oud gaat niet door. Er zijn te weinig begeleiders. We zoeken een nieuwe datum.',
    body: [
      'Deze activiteit is een verzonnen voorbeeld voor deze demo.',
      'Helaas gaat deze middag niet door. Er zijn te weinig begeleiders. Daardoor kunnen we niet goed voor iedereen zorgen.',
      'We zoeken een nieuwe datum. Die zetten we in de agenda zodra we die weten. Had je je aangemeld? Dan krijg je een mail van ons.',
    ],
    startsAt: { daysFromSeed: 75, time: '14:00' },
    endsAt: { daysFromSeed: 75, time: '16:30' },
    location: { city: 'Maastricht', district: 'zuid' },
    organiser: 'opleiding-sociaal-werk-de-brug-voorbeeld',
    cost: 'Gratis',
    accessibilityNotes: 'Rolstoeltoegankelijk.',
    eventStatus: 'geannuleerd',
    themes: ['jongeren', 'ouderen', 'ontmoeten'],
  },
];
