import type { DemoSite } from './types';

/** Site settings: name, intro, help lines and footer links. */
export const demoSite: DemoSite = {
  siteName: 'Samen tegen eenzaamheid in Maastricht',
  intro:
    'Nieuws, goede voorbeelden en activiteiten van de Lokale Coalitie tegen Eenzaamheid Maastricht. Lees wat organisaties in de stad samen doen tegen eenzaamheid. Vind een activiteit bij jou in de buurt. En zie meteen waar je hulp krijgt als je je eenzaam voelt.',
  helplines: [
    {
      name: 'De Luisterlijn',
      phone: '088 0767 000',
      hours: 'Dag en nacht',
      url: 'https://www.deluisterlijn.nl',
      description:
        'Wil je even praten? Bel, chat of mail met De Luisterlijn. Dat kan dag en nacht.',
    },
    {
      name: 'Signaalpunt Maastricht tegen Eenzaamheid',
      description:
        'Maak je je zorgen om iemand die eenzaam is? Of voel je je zelf eenzaam? Meld het bij het Signaalpunt. Het Signaalpunt werkt samen met Humanitas Maastricht-Heuvelland.',
    },
  ],
  contactEmail: 'coalitie@example.org',
  footerLinks: [
    { label: 'Toegankelijkheid', url: '/toegankelijkheid/' },
    { label: 'Privacy', url: '/privacy/' },
    { label: 'Over de coalitie', url: '/over/' },
    { label: 'Volgen via RSS en agenda', url: '/feeds/' },
  ],
};
