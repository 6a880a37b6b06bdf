import type { DemoGoodPractice } from './types';

/** Good practices. All are invented for the demo: titles end in "(voorbeeld)". */
export const demoPractices: DemoGoodPractice[] = [
  {
    slug: 'buurteettafel-malberg-voorbeeld',
    title: 'Buurteettafel Malberg (voorbeeld)',
    summary:
      'Elke donderdag koken vrijwilligers in Malberg een warme maaltijd. Buren eten samen aan lange tafels. Zo leren ze elkaar kennen.',
    body: [
      'Dit goede voorbeeld is verzonnen voor deze demo.',
      'Veel mensen in de wijk wonen alleen. Samen eten is een makkelijke manier om elkaar te ontmoeten. Aan tafel ontstaat vanzelf een gesprek.',
    ],
    activityType: 'eettafel of sociaal restaurant',
    targetGroups: ['alleenstaanden', 'ouderen'],
    themes: ['ontmoeten', 'wonen-en-buurt'],
    districts: ['noord-west'],
    neighbourhoods: ['Malberg'],
    organisations: ['trajekt', 'buurtnetwerk-de-verbinding-voorbeeld'],
    approach: [
      'Vier vrijwilligers koken elke donderdag voor ongeveer twintig mensen.',
      {
        list: [
          'Een maaltijd kost 4 euro. Kun je dat niet betalen? Dan eet je gratis mee.',
          'Je hoeft je niet aan te melden.',
          'Een gastvrouw of gastheer verwelkomt nieuwe mensen.',
          'Een welzijnswerker komt eens per maand langs voor vragen.',
        ],
      },
    ],
    results: [
      'Elke week eten er twintig tot vijfentwintig mensen mee.',
      'Bezoekers zeggen dat ze nu meer mensen in de wijk kennen. Sommigen spreken ook buiten de eettafel af.',
    ],
    evidenceLevel: 'goed beschreven',
    contact: { name: 'Gastvrouw eettafel (voorbeeld)', email: 'eettafel-malberg@example.org' },
    location: {
      venue: 'Buurthuis in Malberg (voorbeeld)',
      city: 'Maastricht',
      district: 'noord-west',
    },
    image: 'shared-meal',
    startYear: 2022,
  },
  {
    slug: 'koffie-aan-huis-wittevrouwenveld-voorbeeld',
    title: 'Koffie aan huis in Wittevrouwenveld (voorbeeld)',
    summary:
      'Vrijwilligers gaan elke week op bezoek bij een oudere in de wijk. Ze drinken koffie, praten en gaan soms samen op pad. Het bezoek is gratis.',
    body: [
      'Dit goede voorbeeld is verzonnen voor deze demo.',
      'Sommige ouderen komen weinig buiten. Ze hebben weinig mensen om zich heen. Een vaste bezoeker geeft houvast en gezelschap.',
    ],
    activityType: 'huisbezoek',
    targetGroups: ['ouderen', 'alleenstaanden'],
    themes: ['ouderen', 'vrijwilligers', 'signaleren'],
    districts: ['oost'],
    neighbourhoods: ['Wittevrouwenveld'],
    organisations: ['humanitas-maastricht-heuvelland', 'servatius'],
    approach: [
      'Een coördinator gaat eerst kennismaken. Samen kijken ze wat de oudere wil.',
      {
        ordered: true,
        list: [
          'De coördinator zoekt een vrijwilliger die goed past.',
          'De vrijwilliger komt een keer per week, ongeveer twee uur.',
          'Na drie maanden is er een gesprek. Gaat het goed? Dan gaan ze door.',
          'Waar het kan, gaat de oudere ook mee naar activiteiten in de wijk.',
        ],
      },
      'Vrijwilligers krijgen een korte training. Ze leren hoe ze eenzaamheid herkennen.',
    ],
    results: [
      'Een onderzoek vergeleek deelnemers met ouderen zonder bezoek. Na een jaar voelden de deelnemers zich minder eenzaam.',
      'Ook de vrijwilligers zeggen dat ze er veel aan hebben.',
    ],
    evidenceLevel: 'effectief',
    contact: { name: 'Coördinator huisbezoek (voorbeeld)', email: 'koffie-aan-huis@example.org' },
    location: { city: 'Maastricht', district: 'oost' },
    image: 'living-room',
    startYear: 2020,
  },
  {
    slug: 'wandelgroep-heer-voorbeeld',
    title: 'Wandelgroep Heer (voorbeeld)',
    summary:
      'Elke dinsdagochtend wandelt een groep buren een uur door Heer. Daarna drinken ze samen koffie. Iedereen mag meedoen, in het eigen tempo.',
    body: [
      'Dit goede voorbeeld is verzonnen voor deze demo.',
      'Bewegen is goed voor je. Samen bewegen is nog leuker. Onderweg maak je vanzelf een praatje.',
    ],
    activityType: 'wandelgroep',
    targetGroups: ['ouderen', 'iedereen'],
    themes: ['ontmoeten', 'ouderen'],
    districts: ['oost'],
    neighbourhoods: ['Heer'],
    organisations: ['kbo-limburg', 'maasvallei'],
    approach: [
      'Twee vrijwilligers lopen steeds mee. Eén loopt voorop, de ander achteraan.',
      {
        list: [
          'De groep vertrekt om half tien.',
          'Er is een lange en een korte route.',
          'Na afloop is er koffie in het buurthuis.',
          'Meedoen is gratis. Je hoeft je niet aan te melden.',
        ],
      },
    ],
    results: [
      'De groep bestaat nu uit tien tot vijftien mensen.',
      'Niemand heeft de effecten nog onderzocht. De deelnemers zijn wel positief.',
    ],
    evidenceLevel: 'niet beoordeeld',
    contact: { name: 'Wandelbegeleider (voorbeeld)', email: 'wandelgroep-heer@example.org' },
    location: { venue: 'Buurthuis in Heer (voorbeeld)', city: 'Maastricht', district: 'oost' },
    image: 'walking-group',
    startYear: 2023,
  },
  {
    slug: 'studentenmaatjes-randwyck-voorbeeld',
    title: 'Studentenmaatjes Randwyck (voorbeeld)',
    summary:
      'Nieuwe studenten krijgen een maatje dat de stad al kent. Samen eten, wandelen of naar een activiteit. Zo voel je je sneller thuis in Maastricht.',
    body: [
      'Dit goede voorbeeld is verzonnen voor deze demo.',
      'Veel studenten komen van ver. Ze kennen in het begin niemand. Ook in een drukke stad kun je je dan eenzaam voelen.',
    ],
    activityType: 'maatjesproject',
    targetGroups: ['studenten', 'jongeren', 'nieuwkomers'],
    themes: ['jongeren', 'ontmoeten', 'vrijwilligers'],
    districts: ['zuid'],
    neighbourhoods: ['Randwyck', 'Heugemerveld'],
    organisations: ['serve-the-city-maastricht', 'opleiding-sociaal-werk-de-brug-voorbeeld'],
    approach: [
      'Nieuwe studenten melden zich aan met een kort formulier.',
      {
        ordered: true,
        list: [
          'Een coördinator voert met elke aanmelder een kort gesprek.',
          'Daarna koppelt de coördinator twee mensen die bij elkaar passen.',
          'Het maatje en de student spreken minstens twee keer per maand af.',
          'Eens per kwartaal is er een avond voor alle maatjes.',
        ],
      },
    ],
    results: [
      'In het eerste jaar vonden zestig studenten een maatje.',
      'De aanpak is stap voor stap beschreven. Zo kunnen anderen hem overnemen.',
    ],
    evidenceLevel: 'goed beschreven',
    contact: { name: 'Coördinator maatjes (voorbeeld)', email: 'studentenmaatjes@example.org' },
    location: { city: 'Maastricht', district: 'zuid' },
    startYear: 2024,
  },
  {
    slug: 'huiskamer-wyck-voorbeeld',
    title: 'Huiskamer Wyck: kom binnen voor koffie (voorbeeld)',
    summary:
      'In de huiskamer in Wyck loop je zonder afspraak binnen. Je drinkt koffie, doet een spelletje of leest de krant. Er is altijd iemand om mee te praten.',
    body: [
      'Dit goede voorbeeld is verzonnen voor deze demo.',
      'Niet iedereen heeft thuis iemand om mee te praten. In de huiskamer ben je welkom zoals je bent. Je hoeft niets te kopen.',
    ],
    activityType: 'huiskamer of ontmoetingsplek',
    targetGroups: ['iedereen', 'alleenstaanden'],
    themes: ['ontmoeten', 'wonen-en-buurt'],
    districts: ['centrum'],
    neighbourhoods: ['Wyck'],
    organisations: ['trajekt', 'woonpunt'],
    approach: [
      'De huiskamer is vier ochtenden per week open.',
      {
        list: [
          'Vrijwilligers ontvangen de bezoekers.',
          'Twee ochtenden per week is er ook een welzijnswerker.',
          'Bezoekers denken mee over wat er gebeurt.',
          'Koffie en thee zijn gratis.',
        ],
      },
      'De aanpak past bij wat we weten over ontmoeting: een vaste plek, vaste tijden en vaste gezichten.',
    ],
    results: [
      'Elke week komen er ongeveer vijftig verschillende bezoekers.',
      'Deskundigen hebben de aanpak bekeken. Het is goed uitgelegd waarom hij zou moeten werken.',
    ],
    evidenceLevel: 'goed onderbouwd',
    contact: { name: 'Team huiskamer (voorbeeld)', email: 'huiskamer-wyck@example.org' },
    location: {
      venue: 'Huiskamer Wyck (voorbeeld)',
      street: 'Rechtstraat',
      city: 'Maastricht',
      district: 'centrum',
    },
    image: 'living-room',
    startYear: 2021,
  },
  {
    slug: 'lief-en-leedstraat-caberg-voorbeeld',
    title: 'Lief-en-leedstraat in Caberg (voorbeeld)',
    summary:
      'In een straat in Caberg letten buren op elkaar. Eén bewoner is straatcontact. Bij lief en leed komt er een kaartje, een bloemetje of een bezoek.',
    body: [
      'Dit goede voorbeeld is verzonnen voor deze demo.',
      'In een lief-en-leedstraat leven buren met elkaar mee. Bij mooie en moeilijke momenten. Zo merk je ook sneller als iemand alleen is.',
    ],
    activityType: 'lief-en-leedstraat',
    targetGroups: ['iedereen', 'alleenstaanden'],
    themes: ['wonen-en-buurt', 'signaleren'],
    districts: ['noord-west'],
    neighbourhoods: ['Caberg'],
    organisations: ['woonpunt', 'buurtnetwerk-de-verbinding-voorbeeld'],
    approach: [
      'Een bewoner meldt zich aan als straatcontact.',
      {
        ordered: true,
        list: [
          'Het straatcontact maakt kennis met alle buren.',
          'Buren vertellen het straatcontact over lief en leed. Denk aan een geboorte, ziekte of verhuizing.',
          'Het straatcontact regelt een kaartje of een kleine attentie.',
          'Elk jaar is er een straatfeest of een buurtborrel.',
        ],
      },
      'De woningcorporatie geeft elke straat een klein budget per jaar.',
    ],
    results: [
      'Buren kennen elkaar beter. Ze weten sneller wie hulp nodig heeft.',
      'Na een jaar deden al acht straten mee.',
    ],
    evidenceLevel: 'goed beschreven',
    contact: { name: 'Straatcontact (voorbeeld)', email: 'lief-en-leed-caberg@example.org' },
    location: { city: 'Maastricht', district: 'noord-west' },
    image: 'neighbourhood',
    startYear: 2023,
  },
  {
    slug: 'digitaal-koffie-uurtje-pottenberg-voorbeeld',
    title: 'Digitaal koffie-uurtje voor wie vaak thuis is (voorbeeld)',
    summary:
      'Kom je moeilijk de deur uit? Elke woensdag is er een koffie-uurtje via beeldbellen. Lukt het inloggen niet? Dan helpt een vrijwilliger je.',
    body: [
      'Dit goede voorbeeld is verzonnen voor deze demo.',
      'Door ziekte of een beperking kom je soms weinig buiten. Toch wil je graag mensen spreken. Via een scherm kan dat vanuit je eigen stoel.',
    ],
    activityType: 'digitale ontmoeting',
    targetGroups: ['mensen-met-een-beperking', 'ouderen'],
    themes: ['digitaal-meedoen', 'ontmoeten'],
    districts: ['west'],
    neighbourhoods: ['Pottenberg', 'Belfort'],
    organisations: ['zonnebloem', 'ggd-zuid-limburg'],
    approach: [
      'Deelnemers krijgen een link. Je doet mee met een tablet, telefoon of computer.',
      {
        list: [
          'Een vrijwilliger leidt het gesprek.',
          'Er doen hooguit acht mensen mee.',
          'Wie hulp nodig heeft, krijgt eerst bezoek van een digimaatje.',
          'Heb je geen tablet? Dan kun je er een lenen.',
        ],
      },
    ],
    results: [
      'Elke week doen zes tot acht mensen mee.',
      'De effecten zijn nog niet onderzocht. Deelnemers zeggen dat ze uitkijken naar de woensdag.',
    ],
    evidenceLevel: 'niet beoordeeld',
    contact: { name: 'Digimaatje (voorbeeld)', email: 'koffie-uurtje@example.org' },
    image: 'phone-call',
    startYear: 2021,
  },
  {
    slug: 'gespreksgroep-mantelzorgers-daalhof-voorbeeld',
    title: 'Gespreksgroep voor mantelzorgers in Daalhof (voorbeeld)',
    summary:
      'Zorg je voor een naaste? In deze gespreksgroep praat je met andere mantelzorgers. Je deelt ervaringen en krijgt tips. De groep komt elke twee weken samen.',
    body: [
      'Dit goede voorbeeld is verzonnen voor deze demo.',
      'Mantelzorgers hebben het vaak druk. Ze hebben weinig tijd voor vrienden. Zo kunnen ze eenzaam worden, ook als ze bijna nooit alleen zijn.',
    ],
    activityType: 'cursus of gespreksgroep',
    targetGroups: ['mantelzorgers'],
    themes: ['signaleren', 'ontmoeten'],
    districts: ['west'],
    neighbourhoods: ['Daalhof'],
    organisations: ['trajekt', 'ggd-zuid-limburg'],
    approach: [
      'Een groep bestaat uit zes tot tien mantelzorgers.',
      {
        ordered: true,
        list: [
          'Een getrainde begeleider leidt de groep.',
          'Elke keer is er een thema, zoals grenzen stellen of hulp vragen.',
          'De groep komt acht keer samen, om de twee weken.',
          'Daarna kan de groep zelf verder, als de deelnemers dat willen.',
        ],
      },
      'Tijdens de bijeenkomst kan een vrijwilliger bij de naaste thuis zijn.',
    ],
    results: [
      'Deelnemers voelen zich minder alleen met hun zorgen.',
      'De aanpak is goed onderbouwd. Er staat duidelijk beschreven waarom contact met lotgenoten helpt.',
    ],
    evidenceLevel: 'goed onderbouwd',
    contact: {
      name: 'Begeleider gespreksgroep (voorbeeld)',
      email: 'mantelzorg-daalhof@example.org',
    },
    location: { venue: 'Wijkcentrum in Daalhof (voorbeeld)', city: 'Maastricht', district: 'west' },
    image: 'meeting',
    startYear: 2022,
  },
  {
    slug: 'buurtnetwerk-nazareth-limmel-voorbeeld',
    title: 'Buurtnetwerk Nazareth-Limmel (voorbeeld)',
    summary:
      'Bewoners van Nazareth en Limmel vormen samen een buurtnetwerk. Ze helpen elkaar met kleine dingen en organiseren ontmoetingen in de wijk.',
    body: [
      'Dit goede voorbeeld is verzonnen voor deze demo.',
      'In een buurtnetwerk zorgen bewoners samen voor een fijne wijk. Ze kennen elkaar en vragen makkelijker om hulp.',
    ],
    activityType: 'buurtnetwerk',
    targetGroups: ['iedereen'],
    themes: ['wonen-en-buurt', 'vrijwilligers', 'ontmoeten'],
    districts: ['noord'],
    neighbourhoods: ['Nazareth', 'Limmel'],
    organisations: ['buurtnetwerk-de-verbinding-voorbeeld', 'maasvallei'],
    approach: [
      'Een groep van tien actieve bewoners vormt de kern.',
      {
        list: [
          'Eens per maand is er een buurtlunch.',
          'In een groepsapp vragen en bieden buren hulp.',
          'Nieuwe bewoners krijgen een welkomstbrief.',
          'De woningcorporatie helpt met een ruimte en een klein budget.',
        ],
      },
    ],
    results: [
      'Ongeveer honderd huishoudens doen mee in de groepsapp.',
      'Elke buurtlunch trekt dertig tot veertig mensen.',
    ],
    evidenceLevel: 'goed beschreven',
    contact: { name: 'Kerngroep buurtnetwerk (voorbeeld)', email: 'nazareth-limmel@example.org' },
    location: {
      venue: 'Buurtruimte in Nazareth (voorbeeld)',
      city: 'Maastricht',
      district: 'noord',
    },
    image: 'neighbourhood',
    startYear: 2019,
  },
  {
    slug: 'klusjes-met-een-praatje-voorbeeld',
    title: 'Klusjes met een praatje in Borgharen en Itteren (voorbeeld)',
    summary:
      'Vrijwilligers en monteurs helpen ouderen met kleine klusjes in huis. Een lamp vervangen of een kastje ophangen. Daarna is er tijd voor koffie en een gesprek.',
    body: [
      'Dit goede voorbeeld is verzonnen voor deze demo.',
      'Een klusje is een goede reden om aan te bellen. Na de klus is er tijd voor een praatje. Zo zie je hoe het echt met iemand gaat.',
    ],
    activityType: 'anders',
    targetGroups: ['ouderen', 'alleenstaanden'],
    themes: ['signaleren', 'vrijwilligers'],
    districts: ['noord'],
    neighbourhoods: ['Borgharen', 'Itteren'],
    organisations: ['serve-the-city-maastricht', 'installatiebedrijf-maasdal-voorbeeld'],
    approach: [
      'Een oudere vraagt een klus aan per telefoon of mail.',
      {
        ordered: true,
        list: [
          'Een vrijwilliger of monteur komt langs voor de klus.',
          'Na de klus is er tijd voor koffie en een praatje.',
          'Ziet de helper dat iemand eenzaam is? Dan vraagt hij of hij dat mag melden.',
          'Met toestemming gaat de melding naar het Signaalpunt Maastricht tegen Eenzaamheid.',
        ],
      },
    ],
    results: [
      'In het eerste halfjaar deden de helpers zeventig klussen.',
      'Bij twaalf mensen leidde het praatje tot meer hulp of contact. Er is nog geen onderzoek gedaan.',
    ],
    evidenceLevel: 'niet beoordeeld',
    contact: { name: 'Klussenteam (voorbeeld)', email: 'klusjes@example.org' },
    location: { city: 'Maastricht', district: 'noord' },
    startYear: 2025,
  },
  {
    slug: 'taalmaatjes-nieuwkomers-voorbeeld',
    title: 'Taalmaatjes voor nieuwkomers (voorbeeld)',
    summary:
      'Een taalmaatje oefent elke week Nederlands met een nieuwkomer. Samen doen ze boodschappen, drinken koffie of gaan naar de markt. Zo groeit ook het netwerk.',
    body: [
      'Dit goede voorbeeld is verzonnen voor deze demo.',
      'Wie nieuw is in Nederland, kent vaak weinig mensen. De taal is ook nog lastig. Een taalmaatje helpt bij allebei.',
    ],
    activityType: 'maatjesproject',
    targetGroups: ['nieuwkomers'],
    themes: ['ontmoeten', 'vrijwilligers'],
    districts: ['zuid-west'],
    neighbourhoods: ['Campagne', 'Biesland'],
    organisations: ['maastrichtdoet', 'humanitas-maastricht-heuvelland'],
    approach: [
      'Vrijwilligers melden zich aan als taalmaatje.',
      {
        list: [
          'Elk maatje krijgt een korte training.',
          'Een maatje en een nieuwkomer spreken een keer per week af.',
          'Het contact duurt minstens een halfjaar.',
          'Met vragen kunnen maatjes terecht bij een coördinator.',
        ],
      },
      'Praten over gewone dingen staat centraal. Grammatica is minder belangrijk.',
    ],
    results: [
      'Nieuwkomers spreken beter Nederlands en durven meer.',
      'Veel maatjes houden contact, ook na het project.',
      'De aanpak is goed onderbouwd. Er staat beschreven waarom en hoe het werkt.',
    ],
    evidenceLevel: 'goed onderbouwd',
    contact: { name: 'Coördinator taalmaatjes (voorbeeld)', email: 'taalmaatjes@example.org' },
    location: { city: 'Maastricht', district: 'zuid-west' },
    startYear: 2021,
  },
  {
    slug: 'ommetje-sint-pieter-voorbeeld',
    title: 'Ommetje in Sint Pieter (voorbeeld)',
    summary:
      'Twee keer per week maken buren samen een ommetje door Sint Pieter en het Jekerdal. De wandeling duurt drie kwartier. Na afloop is er thee.',
    body: [
      'Dit goede voorbeeld is verzonnen voor deze demo.',
      'Een vast moment om naar buiten te gaan, helpt veel mensen. Je weet dat er anderen op je wachten.',
    ],
    activityType: 'wandelgroep',
    targetGroups: ['ouderen', 'iedereen'],
    themes: ['ontmoeten', 'ouderen'],
    districts: ['zuid-west'],
    neighbourhoods: ['Sint Pieter', 'Jekerdal'],
    organisations: ['kbo-limburg', 'ggd-zuid-limburg'],
    approach: [
      'De wandeling start elke maandag en donderdag om tien uur.',
      {
        list: [
          'De route is niet steil en niet te lang.',
          'Er lopen altijd twee begeleiders mee.',
          'Bij slecht weer is er een kortere route.',
          'Je mag ook met een rollator meelopen.',
        ],
      },
    ],
    results: [
      'Gemiddeld lopen twaalf mensen mee.',
      'De aanpak staat goed beschreven in een handleiding. Andere wijken kunnen die gebruiken.',
    ],
    evidenceLevel: 'goed beschreven',
    contact: { name: 'Wandelbegeleider (voorbeeld)', email: 'ommetje@example.org' },
    location: { city: 'Maastricht', district: 'zuid-west' },
    image: 'walking-group',
    startYear: 2024,
  },
  {
    slug: 'zondagmiddag-soos-binnenstad-voorbeeld',
    title: 'Zondagmiddag-soos in de binnenstad (voorbeeld)',
    summary:
      'De zondag duurt voor veel mensen lang. Daarom is er elke zondagmiddag een soos in de binnenstad. Met koffie, muziek en een spelletje.',
    body: [
      'Dit goede voorbeeld is verzonnen voor deze demo.',
      'Op zondag zijn veel activiteiten dicht. Wie alleen woont, ziet dan soms de hele dag niemand.',
    ],
    activityType: 'huiskamer of ontmoetingsplek',
    targetGroups: ['alleenstaanden', 'ouderen'],
    themes: ['ontmoeten', 'ouderen'],
    districts: ['centrum'],
    neighbourhoods: ['Binnenstad', 'Jekerkwartier'],
    organisations: ['zonnebloem', 'servatius'],
    approach: [
      'De soos is elke zondag open van twee tot vijf uur.',
      {
        list: [
          'Vrijwilligers zetten koffie en zorgen voor spelletjes.',
          'Eens per maand speelt er een muzikant.',
          'Ben je slecht ter been? Dan kan een vrijwilliger je ophalen.',
          'Een kopje koffie kost 1 euro.',
        ],
      },
    ],
    results: [
      'Elke zondag komen er vijfentwintig tot dertig mensen.',
      'Een vaste groep komt elke week. Nieuwe bezoekers voelen zich snel welkom.',
    ],
    evidenceLevel: 'goed beschreven',
    contact: { name: 'Team soos (voorbeeld)', email: 'zondagsoos@example.org' },
    location: {
      venue: 'Zaal in de binnenstad (voorbeeld)',
      city: 'Maastricht',
      district: 'centrum',
    },
    startYear: 2023,
  },
  {
    slug: 'online-spelavond-jongeren-voorbeeld',
    title: 'Online spelavond voor jongeren (voorbeeld)',
    summary:
      'Elke vrijdagavond spelen jongeren samen online een spel. Een jongerenwerker doet mee. Wie wil, kan daarna ook echt afspreken in de wijk.',
    body: [
      'Dit goede voorbeeld is verzonnen voor deze demo.',
      'Ook jongeren voelen zich eenzaam. Samen gamen is voor veel jongeren een makkelijke eerste stap naar contact.',
    ],
    activityType: 'digitale ontmoeting',
    targetGroups: ['jongeren'],
    themes: ['jongeren', 'digitaal-meedoen'],
    districts: ['west'],
    neighbourhoods: ['Mariaberg', 'Dousberg-Hazendans'],
    organisations: ['trajekt', 'opleiding-sociaal-werk-de-brug-voorbeeld'],
    approach: [
      'Jongeren van 14 tot 23 jaar kunnen meedoen.',
      {
        list: [
          'Een jongerenwerker en twee stagiairs begeleiden de avond.',
          'Er zijn duidelijke afspraken over respect voor elkaar.',
          'Eens per maand is er een spelavond in het jongerencentrum.',
          'Jongeren kunnen altijd apart met de jongerenwerker praten.',
        ],
      },
    ],
    results: [
      'Elke week doen tien tot vijftien jongeren mee.',
      'Een paar jongeren kwamen daarna ook naar het jongerencentrum. De effecten zijn nog niet onderzocht.',
    ],
    evidenceLevel: 'niet beoordeeld',
    contact: { name: 'Jongerenwerker (voorbeeld)', email: 'spelavond@example.org' },
    startYear: 2024,
  },
  {
    slug: 'welkomstbezoek-nieuwe-huurders-voorbeeld',
    title: 'Welkomstbezoek voor nieuwe huurders in Heugem (voorbeeld)',
    summary:
      'Nieuwe huurders in Heugem en De Heeg krijgen een welkomstbezoek. Een buur vertelt over de wijk en over activiteiten. Zo leg je meteen contact.',
    body: [
      'Dit goede voorbeeld is verzonnen voor deze demo.',
      'Na een verhuizing ken je nog niemand in de straat. De eerste maanden zijn dan belangrijk. Een welkom maakt het makkelijker om mee te doen.',
    ],
    activityType: 'huisbezoek',
    targetGroups: ['nieuwkomers', 'alleenstaanden'],
    themes: ['wonen-en-buurt', 'ontmoeten'],
    districts: ['zuid'],
    neighbourhoods: ['Heugem', 'De Heeg'],
    organisations: ['woonpunt', 'buurtnetwerk-de-verbinding-voorbeeld'],
    approach: [
      'De huurder geeft toestemming. Dan geeft de woningcorporatie door dat er een nieuwe buur is.',
      {
        ordered: true,
        list: [
          'In de eerste maand belt een buurtambassadeur aan.',
          'De ambassadeur geeft een welkomstpakket met informatie over de wijk.',
          'De ambassadeur nodigt de nieuwe buur uit voor een activiteit.',
          'Na drie maanden is er nog een kort contact.',
        ],
      },
    ],
    results: [
      'In een jaar kregen negentig nieuwe huurders een bezoek.',
      'Een op de drie ging daarna naar een activiteit in de wijk.',
    ],
    evidenceLevel: 'goed beschreven',
    contact: { name: 'Buurtambassadeur (voorbeeld)', email: 'welkom-heugem@example.org' },
    location: { city: 'Maastricht', district: 'zuid' },
    image: 'neighbourhood',
    startYear: 2024,
  },
];
