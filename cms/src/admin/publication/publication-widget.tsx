// The "Publicatie" widget on the admin's home page: whether the public site is up to date,
// why not when a build failed (and what to do), what the live build had to leave out, and the
// last builds. It reads the CMS's own route (cms/src/hub/publication), never the publisher.
import { Link as RouterLink } from 'react-router-dom';
import { Box, Flex, Link, Typography } from '@strapi/design-system';
import { Widget } from '@strapi/strapi/admin';
import {
  explainFailure,
  warningAdvice,
  warningItemText,
  warningTitle,
} from '@hub/shared/src/publishing/explain-build';
import type { SitePublicationAnswer } from '@hub/shared/src/publishing/admin-answers';
import type { BuildWarning } from '@hub/shared/src/publishing/build-report';
import { usePolled } from './use-polled';
import { TimeText } from './time-text';

type Reachable = Extract<SitePublicationAnswer, { reachable: true }>;

const POLL_MS = 5000;

function LiveSince({ since, siteUrl }: { since: string; siteUrl: string }) {
  if (!since) return null;
  return (
    <Typography>
      Live sinds <TimeText iso={since} />.{' '}
      <Link href={siteUrl} isExternal>
        Bekijk de site
      </Link>
    </Typography>
  );
}

function State({ answer }: { answer: Reachable }) {
  const { site, siteUrl } = answer;
  switch (site.state) {
    case 'live':
      return <LiveSince since={site.since} siteUrl={siteUrl} />;
    case 'updating':
      return (
        <>
          <Typography fontWeight="bold">Bezig met bijwerken …</Typography>
          <LiveSince since={site.since} siteUrl={siteUrl} />
        </>
      );
    case 'failed': {
      const { reason, advice } = explainFailure(site.failure.kind);
      return (
        <>
          <Typography fontWeight="bold" textColor="danger600">
            Niet bijgewerkt: {reason}.
          </Typography>
          <Typography>{advice}</Typography>
          <Typography variant="pi">
            Laatste poging: <TimeText iso={site.failedAt} />
            {site.failedInARow > 1 ? ` (${site.failedInARow} keer achter elkaar mislukt)` : ''}.
            {site.since ? ' De site die er al stond, blijft online.' : ''}
          </Typography>
          <LiveSince since={site.since} siteUrl={siteUrl} />
        </>
      );
    }
    default:
      return <Typography>De site is nog niet gebouwd.</Typography>;
  }
}

function Warnings({ warnings }: { warnings: BuildWarning[] }) {
  if (warnings.length === 0) return null;
  return (
    <Flex direction="column" alignItems="stretch" gap={2} data-hub-publication-warnings>
      <Typography variant="sigma" tag="h3" textColor="warning600">
        Let op
      </Typography>
      {warnings.map((warning) => (
        <Flex key={warning.url} direction="column" alignItems="stretch" gap={1}>
          <Typography fontWeight="bold">{warningTitle(warning)}.</Typography>
          <Typography variant="pi">Gebruikt in:</Typography>
          <Box tag="ul" paddingLeft={4} style={{ listStyle: 'disc' }}>
            {warning.items.map((item) => (
              <li key={`${item.type} ${item.documentId}`}>
                <Link
                  tag={RouterLink}
                  to={`/content-manager/collection-types/api::${item.type}.${item.type}/${item.documentId}`}
                >
                  {warningItemText(item)}
                </Link>
              </li>
            ))}
          </Box>
          <Typography variant="pi">{warningAdvice(warning)}</Typography>
        </Flex>
      ))}
    </Flex>
  );
}

function Builds({ builds }: { builds: Reachable['builds'] }) {
  if (builds.length === 0) return null;
  return (
    <Flex direction="column" alignItems="stretch" gap={1}>
      <Typography variant="sigma" tag="h3" textColor="neutral600">
        Laatste pogingen om de site bij te werken
      </Typography>
      <Box tag="ul" data-hub-publication-builds>
        {builds.map((build) => (
          <li key={`${build.finishedAt}-${build.result}`}>
            <Typography variant="pi">
              <TimeText iso={build.finishedAt} />:{' '}
              {build.result === 'live'
                ? `gelukt${build.warnings > 0 ? `, met ${build.warnings} ${build.warnings === 1 ? 'waarschuwing' : 'waarschuwingen'}` : ''}`
                : `mislukt, ${explainFailure(build.failure?.kind ?? 'unknown').reason}`}
            </Typography>
          </li>
        ))}
      </Box>
    </Flex>
  );
}

export function PublicationWidget() {
  const polled = usePolled<SitePublicationAnswer>('/admin/hub/publication', POLL_MS);
  if (polled.state === 'loading') return <Widget.Loading />;
  if (polled.state === 'error') {
    return <Widget.Error>De status van de site kon niet worden opgehaald.</Widget.Error>;
  }
  const answer = polled.data;
  return (
    <Flex direction="column" alignItems="stretch" gap={3} data-hub-publication>
      <div
        role="status"
        data-hub-publication-state={answer.reachable ? answer.site.state : 'unknown'}
      >
        <Flex direction="column" alignItems="stretch" gap={1}>
          {answer.reachable ? (
            <State answer={answer} />
          ) : (
            <Typography>
              Het is nu niet bekend of de site is bijgewerkt: de dienst die de site bouwt, reageert
              niet. Probeer het over een paar minuten opnieuw.
            </Typography>
          )}
        </Flex>
      </div>
      {answer.reachable && <Warnings warnings={answer.warnings} />}
      {answer.reachable && <Builds builds={answer.builds} />}
    </Flex>
  );
}

export default PublicationWidget;
