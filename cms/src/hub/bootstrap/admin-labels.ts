import type { Core, UID } from '@strapi/strapi';

/** Dutch label and help text of one field in the admin's edit view. */
type FieldText = readonly [label: string, description?: string];

const common: Record<string, FieldText> = {
  title: ['Titel', 'Korte, duidelijke kop. Schrijf zoals je praat.'],
  name: ['Naam'],
  slug: [
    'Slug (webadres)',
    'Laat leeg: dan maken wij er een van de titel. Alleen kleine letters, cijfers en streepjes.',
  ],
  summary: [
    'Samenvatting',
    'Eén of twee zinnen, maximaal 300 tekens. Komt in lijsten, feeds en zoekresultaten.',
  ],
  body: ['Tekst'],
  themes: ['Thema’s'],
  districts: ['Stadsdelen'],
  seo: [
    'Zoekmachines en delen',
    'Optioneel: een andere titel of beschrijving voor Google en sociale media.',
  ],
  description: ['Beschrijving'],
  image: ['Afbeelding', 'Geef de afbeelding in de Mediabibliotheek altijd een alternatieve tekst.'],
  publishOn: [
    'Publiceren op',
    'Laat leeg als je zelf publiceert. Kies een datum en tijd (Nederlandse tijd): dan komt het vanzelf online, binnen een minuut. Klik daarna op Bewaar, niet op Publiceer.',
  ],
  unpublishOn: [
    'Offline halen op',
    'Laat leeg om het online te laten staan. Kies een datum en tijd (Nederlandse tijd): dan gaat het vanzelf van de site.',
  ],
  submitted: ['Ingezonden', 'Aan: iemand stuurde dit in via het formulier op de site.'],
  submitter: [
    'Inzender',
    'Alleen voor de redactie: komt nooit op de site. We wissen dit vanzelf na de bewaartermijn.',
  ],
};

/** Per content type or component: fields whose label differs from, or adds to, the common ones. */
const labels: Record<string, Record<string, FieldText>> = {
  'api::article.article': {
    date: ['Datum', 'Datum boven het bericht. Leeg: de dag waarop je publiceert.'],
    cover: [
      'Afbeelding bovenaan',
      'Geef de afbeelding in de Mediabibliotheek altijd een alternatieve tekst.',
    ],
    author: ['Auteur'],
    relatedPractices: ['Gerelateerde goede voorbeelden'],
    relatedEvents: ['Gerelateerde activiteiten'],
  },
  'api::good-practice.good-practice': {
    body: ['Beschrijving'],
    activityType: ['Soort activiteit'],
    targetGroups: ['Doelgroepen'],
    neighbourhoods: ['Wijken'],
    organisations: ['Organisaties', 'De partners die dit voorbeeld uitvoeren.'],
    approach: ['Aanpak', 'Hoe werkt het? Wat doe je, met wie, hoe vaak?'],
    results: ['Resultaten', 'Wat levert het op? Noem cijfers als je ze hebt.'],
    evidenceLevel: [
      'Onderbouwing',
      'Niveau volgens Movisie: goed beschreven, goed onderbouwd of effectief.',
    ],
    contact: ['Contact'],
    location: ['Locatie'],
    startYear: ['Gestart in (jaar)'],
  },
  'api::event.event': {
    startsAt: ['Begint op', 'Nederlandse tijd.'],
    endsAt: ['Eindigt op', 'Nederlandse tijd. Mag niet vóór het begin liggen.'],
    location: ['Locatie'],
    onlineUrl: ['Link om online mee te doen'],
    organiser: ['Organisator'],
    registrationUrl: ['Link om je aan te melden'],
    cost: ['Kosten', 'Bijvoorbeeld: Gratis, of € 3,50 inclusief koffie.'],
    accessibilityNotes: [
      'Toegankelijkheid',
      'Bijvoorbeeld: rolstoeltoegankelijk, ringleiding, rustige ruimte.',
    ],
    eventStatus: [
      'Status',
      'Kies geannuleerd of verplaatst als de activiteit niet doorgaat zoals gepland.',
    ],
  },
  'api::partner.partner': {
    category: ['Categorie'],
    logo: [
      'Logo',
      'Geef het logo in de Mediabibliotheek een alternatieve tekst, bijvoorbeeld de naam.',
    ],
    website: ['Website'],
    isKartrekker: ['Kartrekker', 'Trekt deze partner mee aan het plan van activiteiten?'],
    contact: ['Contact'],
  },
  'api::action.action': {
    leads: ['Trekkers', 'De partners die deze actie leiden.'],
    period: ['Periode', 'Bijvoorbeeld: voorjaar 2025.'],
    progress: ['Voortgang'],
    order: ['Volgorde', 'Lager getal staat hoger in het stappenplan.'],
  },
  'api::district.district': { neighbourhoods: ['Wijken'] },
  'api::neighbourhood.neighbourhood': { district: ['Stadsdeel'] },
  'api::site.site': {
    siteName: ['Naam van de site'],
    intro: ['Introductie', 'Tekst bovenaan de voorpagina.'],
    helplines: ['Hulplijnen', 'Staan op elke pagina.'],
    contactEmail: ['E-mailadres voor contact'],
    contactPhone: ['Telefoonnummer voor contact'],
    footerLinks: ['Links onderaan de pagina'],
  },
  'shared.contact': {
    email: ['E-mailadres'],
    phone: ['Telefoonnummer'],
    website: ['Website'],
    name: ['Naam contactpersoon'],
  },
  'shared.location': {
    venue: ['Gebouw of plek'],
    street: ['Straat en huisnummer'],
    postcode: ['Postcode'],
    city: ['Plaats'],
    district: ['Stadsdeel'],
  },
  'shared.helpline': {
    phone: ['Telefoonnummer'],
    hours: ['Bereikbaar', 'Bijvoorbeeld: dag en nacht.'],
    url: ['Website'],
  },
  'shared.link': { label: ['Tekst van de link'], url: ['Adres (URL)'] },
  'submission.submitter': {
    name: ['Naam'],
    email: ['E-mailadres'],
    organisation: ['Organisatie'],
    submittedAt: ['Ingestuurd op'],
  },
  'shared.seo': {
    metaTitle: ['Titel voor zoekmachines'],
    metaDescription: ['Beschrijving voor zoekmachines'],
    noIndex: ['Niet tonen in zoekmachines'],
  },
};

type Metadatas = Record<string, { edit?: Record<string, unknown>; list?: Record<string, unknown> }>;

/** Dutch label and description for a field, or undefined when we have none. */
function fieldText(uid: string, field: string): FieldText | undefined {
  return labels[uid]?.[field] ?? common[field];
}

/**
 * Writes Dutch labels and help texts into the content-manager's edit and list views, so
 * editors never see the English attribute names. Runs on every start; labels are owned by code.
 */
export async function applyAdminLabels(strapi: Core.Strapi): Promise<void> {
  const contentManager = strapi.plugin('content-manager');
  const targets = [
    ...Object.keys(strapi.contentTypes)
      .filter((uid) => uid.startsWith('api::'))
      .map((uid) => ({ uid, service: contentManager.service('content-types') })),
    ...Object.keys(strapi.components).map((uid) => ({
      uid,
      service: contentManager.service('components'),
    })),
  ];
  for (const { uid, service } of targets) {
    const configuration = await service.findConfiguration({ uid: uid as UID.Schema });
    const metadatas = configuration.metadatas as Metadatas;
    let changed = false;
    for (const [field, meta] of Object.entries(metadatas)) {
      const text = fieldText(uid, field);
      if (!text || !meta.edit) continue;
      const [label, description = ''] = text;
      if (
        meta.edit.label === label &&
        meta.edit.description === description &&
        meta.list?.label === label
      )
        continue;
      meta.edit = { ...meta.edit, label, description };
      if (meta.list) meta.list = { ...meta.list, label };
      changed = true;
    }
    if (changed) {
      const {
        uid: _uid,
        isComponent: _isComponent,
        ...rest
      } = configuration as Record<string, unknown>;
      await service.updateConfiguration({ uid }, rest);
    }
  }
}
