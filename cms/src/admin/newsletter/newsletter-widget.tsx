// The "Nieuwsbrief" widget on the admin's home page: the next edition as it would go out now,
// to how many subscribers, and when. The mail is shown in a sandboxed frame (no scripts, no
// links that navigate the admin), from the CMS's own admin route (cms/src/hub/newsletter).
import { Flex, Typography } from '@strapi/design-system';
import { Widget } from '@strapi/strapi/admin';
import type { NewsletterPreviewAnswer } from '../../hub/newsletter/editions/preview-answer';
import { usePolled } from '../publication/use-polled';

/** A minute: the preview counts subscribers, which is not free, and rarely changes faster. */
const POLL_MS = 60_000;

/** The weekly moment in words for the default, else the cron rule as it is set. */
function scheduleText(schedule: string): string {
  return schedule === '0 9 * * 4' ? 'elke donderdag om 9:00 uur' : `volgens "${schedule}"`;
}

export function NewsletterWidget() {
  const polled = usePolled<NewsletterPreviewAnswer>('/admin/hub/newsletter/preview', POLL_MS);
  if (polled.state === 'loading') return <Widget.Loading />;
  if (polled.state === 'error') {
    return <Widget.Error>De volgende nieuwsbrief kan nu niet worden getoond.</Widget.Error>;
  }
  const next = polled.data;
  return (
    <Flex direction="column" alignItems="stretch" gap={2} data-hub-newsletter>
      {!next.mailServer && (
        <Typography textColor="danger600" fontWeight="bold">
          Er is geen mailserver ingesteld. Er wordt geen nieuwsbrief verstuurd.
        </Typography>
      )}
      <Typography>De nieuwsbrief gaat {scheduleText(next.schedule)}.</Typography>
      {next.due ? (
        <>
          <Typography fontWeight="bold">{next.subject}</Typography>
          <Typography>
            {next.itemCount} {next.itemCount === 1 ? 'bericht' : 'berichten'} voor{' '}
            {next.recipientCount} {next.recipientCount === 1 ? 'abonnee' : 'abonnees'}.
          </Typography>
          <Typography variant="pi">
            Een inleiding of eigen onderwerp schrijf je bij Content-Manager, Nieuwsbrief. Hieronder
            zie je de mail voor iemand die alles koos.
          </Typography>
          <iframe
            title="Voorbeeld van de volgende nieuwsbrief"
            sandbox=""
            srcDoc={next.html}
            style={{ width: '100%', height: 420, border: '1px solid #dcdce4', background: '#fff' }}
          />
        </>
      ) : (
        <Typography>
          Er is niets nieuws gepubliceerd sinds de vorige nieuwsbrief. Dan wordt er niets verstuurd.
        </Typography>
      )}
    </Flex>
  );
}
