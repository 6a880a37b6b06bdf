import type { Core } from '@strapi/strapi';
import { sendNewsletterNow } from './newsletter-task';
import { previewNextEdition } from './send-edition';

/**
 * `npm run newsletter:send [-- --dry-run]` for operators (cms/scripts/newsletter-send.ts): sends
 * the due edition now (finishing an interrupted one first), or with --dry-run prints it, its
 * text part and the number of recipients without sending or recording anything. Returns the
 * exit code.
 */
export async function newsletterCommand(
  strapi: Core.Strapi,
  args: readonly string[],
  print: (line: string) => void,
): Promise<number> {
  const now = new Date();
  if (args.includes('--dry-run')) {
    const next = await previewNextEdition(strapi, now);
    if (next.unfinished > 0) {
      print(`Er is ${next.unfinished} onderbroken nieuwsbrief; die wordt eerst afgemaakt.`);
    }
    if (!next.due) {
      print('Niets nieuws gepubliceerd sinds de vorige nieuwsbrief: er wordt niets verstuurd.');
      return 0;
    }
    print(`Onderwerp: ${next.subject}`);
    print(`Periode: ${next.periodStart} tot ${next.periodEnd}`);
    print(`Berichten: ${next.itemCount}`);
    print(`Ontvangers: ${next.recipientCount}`);
    print('--- Tekst (voor iemand die alle onderdelen en heel Maastricht koos) ---');
    print(next.text);
    print('--- HTML ---');
    print(next.html);
    print('Proef: er is niets verstuurd en niets opgeslagen.');
    return 0;
  }
  const report = await sendNewsletterNow(strapi, now);
  if (!report) {
    print('Geen mailserver ingesteld (SMTP_HOST): er is niets verstuurd.');
    return 1;
  }
  if (report.outcome === 'nothing-new') print('Niets nieuws: er is niets verstuurd.');
  if (report.outcome === 'claimed-elsewhere') {
    print('Een andere CMS-server verstuurt deze nieuwsbrief al.');
  }
  for (const edition of report.editions) {
    print(
      `Nieuwsbrief ${edition.editionId}${edition.resumed ? ' (afgemaakt)' : ''}: ` +
        `${edition.items} berichten, ${edition.sent} mails verstuurd, ${edition.failed} mislukt.`,
    );
  }
  return report.editions.some((edition) => edition.failed > 0) ? 1 : 0;
}
