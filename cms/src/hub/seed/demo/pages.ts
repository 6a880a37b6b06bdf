import { coalitionGoals } from './coalition-goals';
import type { DemoPage } from './types';
import { submissionSettings } from '../../submissions/settings';
import { subscriptionSettings } from '../../newsletter/subscriptions/settings';

// The privacy statement names the periods this CMS is configured with.
const { retentionDays, rateLimit } = submissionSettings();
const rateWindowMinutes = Math.ceil(rateLimit.windowMs / 60_000);
const mailWindowHours = Math.ceil(subscriptionSettings().mailLimit.windowMs / 3_600_000);

/** Free pages: about the coalition, the accessibility statement and the privacy statement. */
export const demoPages: DemoPage[] = [
  {
    slug: 'over',
    title: 'Over de coalitie',
    summary:
      'De Lokale Coalitie tegen Eenzaamheid Maastricht brengt organisaties in de stad bij elkaar. Samen doen we meer tegen eenzaamheid.',
    body: [
      'De Lokale Coalitie tegen Eenzaamheid Maastricht startte op donderdag 28 maart 2024. Meer dan 110 mensen kwamen naar de startbijeenkomst.',
      { heading: 'Wie zijn wij?' },
      'De coalitie is een initiatief van de gemeente Maastricht en Samen voor Maastricht. Ze hoort bij het Lokale Plan van Aanpak tegen Eenzaamheid 2023-2025 van de gemeente.',
      'Er doen veel soorten organisaties mee. Woningcorporaties, maatschappelijke organisaties en verenigingen. Maar ook buurtnetwerken, stichtingen en bedrijven.',
      { heading: 'Wat willen we?' },
      {
        list: coalitionGoals,
      },
      { heading: 'Hoe werken we?' },
      'Een paar deelnemers zijn kartrekker. Zij maken samen met de gemeente en Samen voor Maastricht een plan met activiteiten. Alle deelnemers krijgen dat plan te zien. We bespreken het samen in een vervolgbijeenkomst.',
      'De gemeente denkt mee en helpt waar dat nodig en mogelijk is.',
      { heading: 'Landelijke aanpak' },
      'De coalitie past bij het landelijke programma Eén tegen eenzaamheid. Het ministerie van VWS begon dat programma in 2018. Het programma steunt lokale coalities.',
      'Elk jaar is er een Week tegen Eenzaamheid. Die begint op de laatste donderdag van september en duurt een week.',
      { heading: 'Hulp nodig?' },
      'Maak je je zorgen om iemand? Meld het bij het Signaalpunt Maastricht tegen Eenzaamheid. Het Signaalpunt werkt samen met Humanitas Maastricht-Heuvelland.',
      'Wil je zelf even praten? Bel De Luisterlijn: 088 0767 000. Dat kan dag en nacht. Chatten of mailen kan ook.',
      { heading: 'Over deze demo' },
      'Sommige berichten, goede voorbeelden en activiteiten op deze website zijn verzonnen. Ze laten zien hoe de website werkt. Je herkent ze aan het woord (voorbeeld) in de titel.',
    ],
  },
  {
    slug: 'toegankelijkheid',
    title: 'Toegankelijkheid',
    summary:
      'Iedereen moet deze website goed kunnen gebruiken. Lees wat we daarvoor doen en hoe je een probleem aan ons meldt.',
    body: [
      'Iedereen moet deze website kunnen gebruiken. Ook als je slecht ziet of slecht hoort. Of als je een schermlezer of een telefoon gebruikt.',
      { heading: 'Aan welke eisen werken we?' },
      'We willen voldoen aan de WCAG 2.1, niveau A en AA. Die eisen staan ook in de Europese norm EN 301 549. Websites van de overheid moeten zich daar volgens de wet aan houden.',
      'We letten onder andere op deze punten:',
      {
        list: [
          'We schrijven in taalniveau B1: korte zinnen en gewone woorden.',
          'Je kunt de hele website met alleen het toetsenbord gebruiken.',
          'Afbeeldingen hebben een korte beschrijving voor schermlezers.',
          'De tekst blijft goed leesbaar als je inzoomt.',
          'Kleuren hebben genoeg contrast.',
        ],
      },
      { heading: 'Status: in ontwikkeling' },
      'Deze website is nog in ontwikkeling. Een onafhankelijke partij heeft de website nog niet gekeurd. Na die keuring maken we een formele toegankelijkheidsverklaring. Die zetten we op deze pagina.',
      { heading: 'Zie je een probleem?' },
      'Kun je iets niet lezen of gebruiken? Laat het ons weten. Stuur een mail naar toegankelijkheid@example.org. Vertel op welke pagina het probleem zit en wat er misgaat.',
      'We antwoorden binnen 5 werkdagen. We laten je ook weten wanneer we het probleem oplossen.',
    ],
  },
  {
    slug: 'privacy',
    title: 'Privacy',
    summary:
      'Deze website volgt je niet. We gebruiken geen cookies en meten niet wat je doet. Lees hier welke gegevens we wel bewaren en wat je rechten zijn.',
    body: [
      'We vinden je privacy belangrijk. Daarom houden we het simpel. Deze website verzamelt geen gegevens over jou als bezoeker.',
      { heading: 'Geen cookies en geen tracking' },
      {
        list: [
          'De website plaatst geen cookies.',
          'We houden niet bij wie de website bezoekt of waar je op klikt.',
          'De website laadt niets van andere partijen. Dus geen lettertypes, kaarten, video of advertenties van buiten.',
          'Volg je ons via RSS of in je agenda? Dan haalt je programma het nieuws bij ons op, niet bij een ander bedrijf.',
        ],
      },
      { heading: 'Welke gegevens bewaren we wel?' },
      'Redacteuren schrijven de berichten in een beheersysteem (CMS). Daarvoor hebben zij een account. Van hen bewaren we alleen de gegevens van dat account: naam, e-mailadres en een beveiligd wachtwoord.',
      'Stuur je ons een mail? Dan gebruiken we je gegevens alleen om je vraag te beantwoorden.',
      { heading: 'Meld je iets aan via een formulier?' },
      'Je kunt een goed voorbeeld of een activiteit aanmelden via een formulier op deze website. Dan bewaren we:',
      {
        list: [
          'wat je over het voorbeeld of de activiteit schrijft;',
          'je naam en je e-mailadres;',
          'je organisatie, als je die invult;',
          'de datum en tijd waarop je het formulier stuurde.',
        ],
      },
      'Je naam, e-mailadres en organisatie zien alleen de redacteuren. Zij gebruiken ze om je een vraag te stellen over je aanmelding. Ze komen nooit op de website, in de RSS-feeds of in de zoekfunctie.',
      `Na ${retentionDays} dagen halen we je naam, e-mailadres en organisatie automatisch weg. Wat je over het voorbeeld of de activiteit schreef, blijft staan. De redactie kan dat op de website zetten.`,
      `Om spam en misbruik tegen te houden, telt de website ${rateWindowMinutes} minuten lang hoe vaak er vanaf een internetadres een formulier is gestuurd. We bewaren daarvoor een code die we van het adres maken, niet het adres zelf. Binnen een uur na die ${rateWindowMinutes} minuten wissen we de code.`,
      { heading: 'Krijg je onze nieuwsbrief?' },
      'Meld je je aan voor de nieuwsbrief? Dan bewaren we:',
      {
        list: [
          'je e-mailadres;',
          'wat je wilt krijgen: nieuws, agenda of goede voorbeelden;',
          'het stadsdeel dat je kiest, als je er een kiest;',
          'wanneer je je aanmeldde en wanneer je dat bevestigde.',
        ],
      },
      'We gebruiken deze gegevens alleen om je de nieuwsbrief te sturen. Je e-mailadres zien alleen de redacteuren. Het komt nooit op de website, en we geven het aan niemand anders.',
      'Na je aanmelding krijg je eerst een e-mail met een link. Pas als je op die link klikt, krijg je de nieuwsbrief. Klik je niet binnen 48 uur? Dan wissen we je e-mailadres vanzelf.',
      'We bewaren je gegevens tot je je afmeldt. Onderaan elke nieuwsbrief staat een link om je af te melden. Dan wissen we je e-mailadres meteen. Met een andere link in de nieuwsbrief kies je wat je krijgt.',
      'In de nieuwsbrief zit geen tracking. We zien niet of je de nieuwsbrief opent, en niet waar je op klikt. De links gaan rechtstreeks naar deze website.',
      `Om misbruik tegen te houden, tellen we hoe vaak we een e-mail over je aanmelding naar een adres sturen. Daarvoor bewaren we ${mailWindowHours} uur lang een code die we van het e-mailadres maken, niet het adres zelf.`,
      'Wil je dat we je e-mailadres wissen, en lukt afmelden niet? Stuur dan een mail naar privacy@example.org. De redactie wist het dan.',
      { heading: 'Jouw rechten' },
      'Volgens de privacywet AVG heb je rechten. Je mag vragen welke gegevens we van je hebben. Je mag ze laten verbeteren of verwijderen. Ook mag je bezwaar maken. Ben je het niet met ons eens? Dan kun je een klacht indienen bij de Autoriteit Persoonsgegevens.',
      { heading: 'Vragen?' },
      'Heb je een vraag over privacy? Stuur dan een mail naar privacy@example.org.',
    ],
  },
];
