import { coalitionGoals } from './coalition-goals';
import type { DemoArticle } from './types';

/**
 * News articles. Articles about the coalition itself use only facts from BRIEF.md; interviews
 * and neighbourhood stories are invented and end in "(voorbeeld)".
 */
export const demoArticles: DemoArticle[] = [
  {
    slug: 'coalitie-tegen-eenzaamheid-van-start',
    title: 'Lokale Coalitie tegen Eenzaamheid Maastricht is van start',
    summary:
      'Op donderdag 28 maart 2024 ging de Lokale Coalitie tegen Eenzaamheid Maastricht van start. Meer dan 110 mensen kwamen naar de startbijeenkomst.',
    date: '2024-03-28',
    author: 'Redactie',
    cover: 'meeting',
    themes: ['samenwerken', 'ontmoeten'],
    districts: [],
    relatedEvents: ['startbijeenkomst-coalitie-2024'],
    body: [
      'Op donderdag 28 maart 2024 was de startbijeenkomst van de Lokale Coalitie tegen Eenzaamheid Maastricht. Meer dan 110 mensen deden mee. De coalitie hoort bij het Lokale Plan van Aanpak tegen Eenzaamheid 2023-2025 van de gemeente.',
      { heading: 'Wie doen er mee?' },
      'De coalitie is een initiatief van de gemeente Maastricht en Samen voor Maastricht. Er doen veel soorten organisaties mee. Denk aan woningcorporaties, maatschappelijke organisaties en verenigingen. Ook buurtnetwerken, stichtingen en bedrijven zijn erbij.',
      { heading: 'Wat wil de coalitie?' },
      {
        list: coalitionGoals,
      },
      'Wethouder Alain Garnier (gezondheid) en wethouder Jeroen Hoenderkamp (welzijn) waren bij de start. De gemeente denkt mee en helpt waar dat nodig en mogelijk is.',
      { heading: 'Hoe gaat het verder?' },
      'Een paar deelnemers worden kartrekker. Zij maken samen met de gemeente en Samen voor Maastricht een plan met activiteiten. Alle deelnemers krijgen dat plan te zien. Daarna praten we er samen over in een vervolgbijeenkomst.',
    ],
  },
  {
    slug: 'signaalpunt-maastricht-tegen-eenzaamheid',
    title: 'Zorgen om iemand? Meld het bij het Signaalpunt',
    summary:
      'Denk je dat iemand eenzaam is? Of voel je je zelf eenzaam? Dan kun je dat melden bij het Signaalpunt Maastricht tegen Eenzaamheid.',
    date: '2024-04-18',
    author: 'Redactie',
    themes: ['signaleren'],
    districts: [],
    body: [
      'Misschien zie je het bij je buurvrouw. Of bij een oom die je minder vaak spreekt. Soms voel je het zelf. Eenzaamheid zie je niet altijd meteen.',
      { heading: 'Wat doet het Signaalpunt?' },
      'Het Signaalpunt Maastricht tegen Eenzaamheid neemt meldingen aan over mensen die misschien eenzaam zijn. Het Signaalpunt werkt samen met Humanitas Maastricht-Heuvelland.',
      { heading: 'Wanneer meld je iets?' },
      {
        list: [
          'Je ziet iemand bijna nooit meer buiten.',
          'Iemand krijgt weinig of geen bezoek.',
          'Iemand zegt dat hij zich alleen voelt.',
          'Je voelt je zelf al lange tijd eenzaam.',
        ],
      },
      'Praat eerst met de persoon zelf, als dat kan. Vertel dat je je zorgen maakt. Vraag of je een melding mag doen.',
      'Wil je nu meteen met iemand praten? Bel dan De Luisterlijn: 088 0767 000. Dat kan dag en nacht.',
    ],
  },
  {
    slug: 'doe-mee-met-de-coalitie',
    title: 'Doet jouw organisatie mee met de coalitie?',
    summary:
      'De coalitie is er voor iedere organisatie die iets wil doen tegen eenzaamheid. Groot of klein, met of zonder ervaring. Lees hier hoe je meedoet.',
    date: '2024-05-23',
    author: 'Redactie',
    themes: ['samenwerken'],
    districts: [],
    body: [
      'In de coalitie werken veel soorten organisaties samen. Woningcorporaties, verenigingen, buurtnetwerken, stichtingen en bedrijven doen mee. Ook jouw organisatie is welkom.',
      { heading: 'Wat heb je eraan?' },
      {
        list: [
          'Je leert meer over eenzaamheid en wat helpt.',
          'Je hoort goede voorbeelden uit de stad.',
          'Je leert andere organisaties kennen.',
          'Samen bereik je meer mensen dan alleen.',
        ],
      },
      { heading: 'Hoe doe je mee?' },
      'Stuur een mail naar coalitie@example.org. Vertel wie je bent en wat je al doet. Dit mailadres is een voorbeeld in deze demo.',
      'Je hoeft niet meteen veel tijd te hebben. Ook een kleine bijdrage telt.',
    ],
  },
  {
    slug: 'de-luisterlijn-dag-en-nacht',
    title: 'Even praten? De Luisterlijn is er dag en nacht',
    summary:
      'Soms wil je gewoon even je verhaal kwijt. Bij De Luisterlijn kan dat altijd. Je belt 088 0767 000, of je chat of mailt. Dag en nacht.',
    date: '2024-06-06',
    author: 'Redactie',
    cover: 'phone-call',
    themes: ['signaleren', 'digitaal-meedoen'],
    districts: [],
    body: [
      'Voel je je alleen? Zit je ergens mee? Dan helpt het vaak om erover te praten. Maar niet iedereen heeft iemand dichtbij.',
      { heading: 'Wat is De Luisterlijn?' },
      'De Luisterlijn is een landelijke hulplijn. Je kunt er dag en nacht terecht voor een gesprek.',
      { heading: 'Zo bereik je De Luisterlijn' },
      {
        list: ['Bel 088 0767 000.', 'Chat met iemand van De Luisterlijn.', 'Stuur een mail.'],
      },
      'Voor de chat en de mail ga je naar [de website van De Luisterlijn](https://www.deluisterlijn.nl).',
      'Maak je je zorgen om iemand anders in Maastricht? Meld het dan bij het Signaalpunt Maastricht tegen Eenzaamheid.',
    ],
  },
  {
    slug: 'interview-vrijwilliger-ans-voorbeeld',
    title: 'Vrijwilliger Ans: "Een kop koffie opent veel deuren" (voorbeeld)',
    summary:
      'Ans gaat elke week op bezoek bij ouderen in haar wijk. Ze vertelt waarom een bezoekje zo veel doet. Dit is een verzonnen interview voor deze demo.',
    date: '2024-09-12',
    author: 'Redactie',
    cover: 'living-room',
    themes: ['vrijwilligers', 'ouderen'],
    districts: ['oost'],
    relatedPractices: ['koffie-aan-huis-wittevrouwenveld-voorbeeld'],
    body: [
      'Dit interview is een verzonnen voorbeeld voor deze demo. Ans en de andere mensen in dit verhaal bestaan niet.',
      'Ans (68) woont al haar hele leven in Wittevrouwenveld. Sinds drie jaar gaat ze elke week bij ouderen op bezoek. "Na mijn pensioen miste ik mijn collega\'s. Toen dacht ik: anderen missen ook mensen om zich heen."',
      { heading: 'Luisteren is genoeg' },
      {
        quote:
          'Je hoeft geen grote dingen te doen. Luisteren en samen koffie drinken is vaak genoeg.',
      },
      'Ans ziet mensen opbloeien. Een buurman kwam bijna nooit buiten. Nu gaat hij mee naar de eettafel in de wijk. "En ik heb er zelf vrienden bij gekregen", zegt Ans.',
      { heading: 'Zelf vrijwilliger worden?' },
      'Op [MaastrichtDoet!](https://maastrichtdoet.nl) vind je vrijwilligerswerk in de stad. Ook werk waarbij je mensen bezoekt.',
    ],
  },
  {
    slug: 'zo-werkt-het-stappenplan',
    title: 'Zo werkt het stappenplan van de coalitie',
    summary:
      'De coalitie wil meer doen tegen eenzaamheid. Daarom is er een stappenplan. Lees welke acties erin staan en wie ze trekt.',
    date: '2024-10-10',
    author: 'Redactie',
    themes: ['samenwerken'],
    districts: [],
    body: [
      'Eén van de doelen van de coalitie is een stappenplan. Daarin staat hoe we meer activiteiten tegen eenzaamheid opzetten.',
      { heading: 'Wat staat erin?' },
      {
        ordered: true,
        list: [
          'Kennis over eenzaamheid delen.',
          'Goede voorbeelden uit de stad laten zien.',
          'Elkaar ontmoeten en een netwerk vormen.',
          'In kaart brengen wat iedere partij kan bijdragen.',
          'Meer activiteiten in de wijken opzetten.',
          'Samen meedoen aan de Week tegen Eenzaamheid.',
        ],
      },
      { heading: 'Wie doet wat?' },
      'Elke actie heeft een trekker. Dat is een partner die de actie op gang houdt. Bij elke actie zie je ook de periode en hoe ver we zijn.',
      'Je vindt alle acties op de pagina Stappenplan. Die pagina houden we bij.',
      'Heeft jouw organisatie een idee voor een actie? Laat het ons weten. Dan bespreken we het met de kartrekkers.',
    ],
  },
  {
    slug: 'vijf-tips-voor-contact-met-je-buren',
    title: 'Vijf tips voor meer contact met je buren',
    summary:
      'Een groet, een praatje, een kop koffie. Kleine dingen maken je buurt fijner. Met deze vijf tips maak je makkelijk contact met je buren.',
    date: '2025-01-16',
    author: 'Redactie',
    cover: 'neighbourhood',
    themes: ['wonen-en-buurt', 'ontmoeten'],
    districts: [],
    body: [
      'Goed contact met je buren is fijn. Je helpt elkaar en je voelt je minder alleen. Maar hoe begin je?',
      { heading: 'Vijf tips' },
      {
        ordered: true,
        list: [
          'Groet je buren als je ze ziet.',
          'Stel je voor als er nieuwe buren komen.',
          'Vraag of je iets kunt meenemen uit de winkel.',
          'Nodig een buur uit voor een kop koffie.',
          'Ga naar een activiteit in je wijk.',
        ],
      },
      { heading: 'Spannend?' },
      'Dat is normaal. Begin klein, met een groet. De meeste mensen vinden het fijn als je contact zoekt.',
      'Zie je dat een buur vaak alleen is en maak je je zorgen? Meld het dan bij het Signaalpunt Maastricht tegen Eenzaamheid.',
    ],
  },
  {
    slug: 'buurtverhaal-eettafel-malberg-voorbeeld',
    title: 'Aan tafel in Malberg: samen eten, samen praten (voorbeeld)',
    summary:
      'Elke donderdag eten buren in Malberg samen. Voor een paar euro krijg je een warme maaltijd en gezelschap. Een verzonnen buurtverhaal voor deze demo.',
    date: '2025-02-20',
    author: 'Redactie',
    cover: 'shared-meal',
    themes: ['ontmoeten', 'wonen-en-buurt'],
    districts: ['noord-west'],
    relatedPractices: ['buurteettafel-malberg-voorbeeld'],
    body: [
      'Dit buurtverhaal is een verzonnen voorbeeld voor deze demo. De mensen in dit verhaal bestaan niet.',
      'Het ruikt naar soep in het buurthuis. Twintig mensen zitten aan lange tafels. Sommigen kennen elkaar al jaren. Anderen zijn hier voor het eerst.',
      { heading: 'Iedereen schuift aan' },
      'Ramon (54) kookt elke week met drie vrijwilligers. De maaltijd kost 4 euro. Kun je dat niet betalen? Dan eet je toch mee.',
      { quote: 'Ik woon alleen. Hier heb ik weer mensen om mee te kletsen. Dat maakt mijn week.' },
      'Dat zegt Truus (79). Ze komt sinds vorig jaar. Eerst met haar buurvrouw, nu ook alleen.',
      { heading: 'Zelf aanschuiven?' },
      'Je bent welkom zonder aanmelding. Kom je voor het eerst? Dan stelt een vrijwilliger je voor aan de tafel.',
    ],
  },
  {
    slug: 'eenzaamheid-herkennen-waar-let-je-op',
    title: 'Eenzaamheid herkennen: waar let je op?',
    summary:
      'Eenzaamheid zie je niet altijd aan de buitenkant. Toch zijn er signalen. Lees waar je op kunt letten en wat je dan kunt doen.',
    date: '2025-04-10',
    author: 'Redactie',
    themes: ['signaleren'],
    districts: [],
    body: [
      'Iedereen voelt zich weleens alleen. Dat gaat meestal weer over. Maar soms blijft het gevoel. Dan kan iemand eenzaam worden.',
      { heading: 'Signalen' },
      {
        list: [
          'Iemand komt weinig buiten.',
          'De gordijnen blijven vaak dicht.',
          'Iemand praat heel lang door als je een praatje maakt.',
          'Iemand vertelt dat er bijna nooit bezoek komt.',
          'Iemand zorgt minder goed voor zichzelf of het huis.',
        ],
      },
      { heading: 'Wat kun je doen?' },
      {
        ordered: true,
        list: [
          'Maak een praatje en toon interesse.',
          'Vraag hoe het echt gaat.',
          'Kom nog eens terug.',
          'Maak je je zorgen? Meld het bij het Signaalpunt Maastricht tegen Eenzaamheid.',
        ],
      },
      'Wil iemand meteen praten? Dan kan hij dag en nacht De Luisterlijn bellen: 088 0767 000.',
    ],
  },
  {
    slug: 'buurtverhaal-wandelgroep-heer-voorbeeld',
    title: 'Wandelen in Heer: "Na een uur ken je elkaar" (voorbeeld)',
    summary:
      'Elke dinsdagochtend wandelt een groep buren een uur door Heer. Daarna drinken ze samen koffie. Een verzonnen buurtverhaal voor deze demo.',
    date: '2025-05-15',
    author: 'Redactie',
    cover: 'walking-group',
    themes: ['ontmoeten', 'ouderen'],
    districts: ['oost'],
    relatedPractices: ['wandelgroep-heer-voorbeeld'],
    body: [
      'Dit buurtverhaal is een verzonnen voorbeeld voor deze demo. De mensen in dit verhaal bestaan niet.',
      'Het is dinsdag, half tien. Bij de kerk in Heer staan twaalf mensen klaar. Ze hebben stevige schoenen aan. Een paar hebben een wandelstok bij zich.',
      { heading: 'Rustig tempo' },
      'De groep loopt een uur. Niemand hoeft snel te gaan. Wie moe is, kan een kortere route nemen.',
      {
        quote: 'Alleen ga ik niet zo snel de deur uit. Met de groep wel. Na een uur ken je elkaar.',
      },
      'Dat zegt Jo (73). Hij wandelt sinds de zomer mee. Na afloop drinkt de groep koffie in het buurthuis. Meedoen is gratis.',
    ],
  },
  {
    slug: 'week-tegen-eenzaamheid-2025',
    title: 'Week tegen Eenzaamheid: doe mee van 25 september tot en met 1 oktober',
    summary:
      'Van 25 september tot en met 1 oktober 2025 is de Week tegen Eenzaamheid. Ook in Maastricht zijn er activiteiten. Kijk in de agenda wat er bij jou in de buurt is.',
    date: '2025-09-04',
    author: 'Redactie',
    cover: 'shared-meal',
    themes: ['ontmoeten', 'vrijwilligers'],
    districts: [],
    relatedEvents: [
      'koffieochtend-wittevrouwenveld-2025-voorbeeld',
      'samen-wandelen-heer-2025-voorbeeld',
      'open-eettafel-malberg-2025-voorbeeld',
    ],
    body: [
      'Elk jaar is er een Week tegen Eenzaamheid. De week begint op de laatste donderdag van september. In 2025 duurt de week van 25 september tot en met 1 oktober.',
      { heading: 'Waarom deze week?' },
      'Veel mensen voelen zich weleens eenzaam. Toch praten we er weinig over. In deze week vragen we er samen aandacht voor.',
      'De week hoort bij het landelijke programma Eén tegen eenzaamheid. Het ministerie van VWS begon dat programma in 2018. Meer weten? Kijk op [eentegeneenzaamheid.nl](https://www.eentegeneenzaamheid.nl).',
      { heading: 'Wat kun je zelf doen?' },
      {
        list: [
          'Ga naar een activiteit in je wijk.',
          'Nodig een buur uit voor koffie.',
          'Bel iemand die je lang niet hebt gesproken.',
          'Word vrijwilliger bij een organisatie in de stad.',
        ],
      },
      'In de agenda vind je activiteiten in Maastricht tijdens deze week.',
    ],
  },
  {
    slug: 'terugblik-week-tegen-eenzaamheid-2025-voorbeeld',
    title: 'Terugblik op de Week tegen Eenzaamheid 2025 (voorbeeld)',
    summary:
      'Koffie in de wijk, een wandeling en een open eettafel. In de Week tegen Eenzaamheid gebeurde veel in Maastricht. Een verzonnen terugblik voor deze demo.',
    date: '2025-10-09',
    author: 'Redactie',
    cover: 'meeting',
    themes: ['ontmoeten', 'samenwerken'],
    districts: ['oost', 'noord-west'],
    relatedEvents: [
      'koffieochtend-wittevrouwenveld-2025-voorbeeld',
      'samen-wandelen-heer-2025-voorbeeld',
      'open-eettafel-malberg-2025-voorbeeld',
    ],
    body: [
      'Deze terugblik is een verzonnen voorbeeld voor deze demo. De aantallen en de mensen zijn niet echt.',
      'Van 25 september tot en met 1 oktober was de Week tegen Eenzaamheid. Partners van de coalitie organiseerden activiteiten in de wijken.',
      { heading: 'Wat gebeurde er?' },
      {
        list: [
          'Een koffieochtend in Wittevrouwenveld met veertig bezoekers.',
          'Een wandeling door Heer met vijftien wandelaars.',
          'Een open eettafel in Malberg. Alle plekken waren bezet.',
        ],
      },
      { quote: 'Ik kwam voor de koffie. Ik ging naar huis met twee nieuwe telefoonnummers.' },
      'Dat zegt Mia (81) uit Wittevrouwenveld. Volgend jaar doen we weer mee. Heb je een idee? Laat het ons weten.',
    ],
  },
  {
    slug: 'interview-student-noor-voorbeeld',
    title: 'Student Noor: "Ik was eenzaam in een drukke stad" (voorbeeld)',
    summary:
      'Noor kwam voor haar studie naar Maastricht. Ze kende niemand. Nu helpt ze andere studenten op weg. Een verzonnen interview voor deze demo.',
    date: '2025-11-13',
    author: 'Redactie',
    themes: ['jongeren', 'ontmoeten'],
    districts: ['zuid'],
    relatedPractices: ['studentenmaatjes-randwyck-voorbeeld'],
    body: [
      'Dit interview is een verzonnen voorbeeld voor deze demo. Noor bestaat niet.',
      'Noor (21) verhuisde twee jaar geleden naar Maastricht. Ze woonde in een kamer in Randwyck. "Overal waren mensen. Toch voelde ik me heel alleen."',
      { heading: 'Niemand praat erover' },
      {
        quote:
          'Iedereen lijkt het leuk te hebben. Dan durf je niet te zeggen dat je je eenzaam voelt.',
      },
      'Via een maatjesproject leerde Noor een oudere buurvrouw kennen. Samen koken ze elke week. Nu is Noor zelf maatje voor nieuwe studenten.',
      { heading: 'Tip van Noor' },
      'Zeg het tegen iemand als je je eenzaam voelt. Je bent echt niet de enige.',
    ],
  },
  {
    slug: 'week-tegen-eenzaamheid-2026',
    title: 'Week tegen Eenzaamheid 2026: van 24 tot en met 30 september',
    summary:
      'Dit jaar is de Week tegen Eenzaamheid van 24 tot en met 30 september. Organiseer je zelf iets? Zet je activiteit dan in de agenda van de coalitie.',
    date: '2026-09-03',
    author: 'Redactie',
    themes: ['ontmoeten', 'samenwerken'],
    districts: [],
    relatedEvents: [
      'buurtlunch-nazareth-2026-voorbeeld',
      'film-en-gesprek-2026-voorbeeld',
      'online-koffie-uurtje-2026-voorbeeld',
    ],
    body: [
      'De Week tegen Eenzaamheid begint altijd op de laatste donderdag van september. Dit jaar duurt de week van 24 tot en met 30 september 2026.',
      { heading: 'Voor organisaties' },
      'Organiseert jouw organisatie iets in deze week? Laat het ons weten. Dan zetten we het in de agenda. Zo zien inwoners en partners wat er te doen is.',
      { heading: 'Dit hebben we van je nodig' },
      {
        list: [
          'De naam van de activiteit.',
          'De datum, de tijd en de plek.',
          'Voor wie de activiteit is.',
          'Of de plek goed toegankelijk is, bijvoorbeeld met een rolstoel.',
          'Of mensen zich moeten aanmelden.',
        ],
      },
      'Partners kunnen de agenda ook volgen via RSS of in hun eigen agenda. Zo missen ze niets.',
    ],
  },
  {
    slug: 'interview-mantelzorger-karin-voorbeeld',
    title: 'Mantelzorger Karin: "Ik had geen tijd meer voor vrienden" (voorbeeld)',
    summary:
      'Karin zorgt al vijf jaar voor haar man. Daardoor zag ze haar vrienden steeds minder. Een gespreksgroep hielp haar. Een verzonnen interview voor deze demo.',
    date: '2026-11-12',
    author: 'Redactie',
    themes: ['signaleren', 'ontmoeten'],
    districts: ['west'],
    relatedPractices: ['gespreksgroep-mantelzorgers-daalhof-voorbeeld'],
    body: [
      'Dit interview is een verzonnen voorbeeld voor deze demo. Karin bestaat niet.',
      'Karin (62) woont in Daalhof. Haar man is ziek. Ze zorgt elke dag voor hem. "Ik deed alles voor hem. Aan mezelf dacht ik niet meer."',
      { heading: 'Alleen, maar niet alleen' },
      'Karin was bijna nooit alleen thuis. Toch voelde ze zich eenzaam. Haar vrienden belden steeds minder. Ze had er ook geen tijd voor.',
      {
        quote: 'In de groep zaten mensen die hetzelfde meemaken. Ik hoefde niets uit te leggen.',
      },
      'Nu gaat Karin elke twee weken naar de gespreksgroep. Er is dan iemand bij haar man. "Die twee uur zijn van mij."',
    ],
  },
];
