// The document's panel "Op de website": whether the published version is on the public site,
// being put there, or held up by a failed build, followed without a reload.
import { Flex, Link, Typography } from '@strapi/design-system';
import type { PanelComponent } from '@strapi/content-manager/strapi-admin';
import { explainFailure } from '@hub/shared/src/publishing/explain-build';
import type { DocumentPublicationAnswer } from '@hub/shared/src/publishing/admin-answers';
import { previewTypeOf } from '@hub/shared/src/preview/preview-types';
import { usePolled } from './use-polled';
import { TimeText } from './time-text';

/** Every 3 s (and at once after a publish), so "Staat op de site" follows a publish in seconds. */
const POLL_MS = 3000;

const DRAFT_TEXT = 'Niet op de site (concept).';

function Publication({ answer }: { answer: DocumentPublicationAnswer }) {
  if (!answer.reachable) {
    return (
      <Typography>
        {answer.draft
          ? DRAFT_TEXT
          : 'Het is nu niet bekend of dit op de site staat: de dienst die de site bouwt, reageert niet.'}
      </Typography>
    );
  }
  const { publication, url } = answer;
  switch (publication.state) {
    case 'draft':
      if (!publication.failure) return <Typography>{DRAFT_TEXT}</Typography>;
      return (
        <>
          <Typography>{DRAFT_TEXT}</Typography>
          <Typography variant="pi">
            Let op: het bijwerken van de site is mislukt (
            {explainFailure(publication.failure.kind).reason}). Was dit stuk eerder gepubliceerd?
            Dan staat het misschien nog op de site.
          </Typography>
        </>
      );
    case 'updating':
      return (
        <Typography fontWeight="bold">
          Wordt nu bijgewerkt. Dat duurt meestal een paar seconden.
        </Typography>
      );
    case 'on-site':
      return (
        <>
          <Typography textColor="success600" fontWeight="bold">
            {publication.since ? (
              <>
                Staat op de site sinds <TimeText iso={publication.since} />.
              </>
            ) : (
              'Staat op de site.'
            )}
          </Typography>
          {url && (
            <Link href={url} isExternal>
              Bekijk de pagina
            </Link>
          )}
          {publication.hasUnpublishedChanges && (
            <Typography variant="pi">
              Uw laatste wijzigingen zijn nog niet gepubliceerd. Die staan dus nog niet op de site.
            </Typography>
          )}
        </>
      );
    default: {
      if (!publication.failure) {
        return <Typography>Nog niet op de site: de site wordt zo bijgewerkt.</Typography>;
      }
      const { reason, advice } = explainFailure(publication.failure.kind);
      return (
        <>
          <Typography fontWeight="bold" textColor="danger600">
            Nog niet op de site: {reason}.
          </Typography>
          <Typography variant="pi">{advice}</Typography>
        </>
      );
    }
  }
}

function PublicationStatus({ path, refresh }: { path: string; refresh: unknown }) {
  const polled = usePolled<DocumentPublicationAnswer>(path, POLL_MS, refresh);
  const state =
    polled.state === 'ready'
      ? polled.data.reachable
        ? polled.data.publication.state
        : 'unknown'
      : polled.state;
  return (
    <Flex
      direction="column"
      alignItems="stretch"
      gap={1}
      role="status"
      data-hub-publication-panel={state}
    >
      {polled.state === 'loading' && <Typography>Even kijken …</Typography>}
      {polled.state === 'error' && (
        <Typography>Het is nu niet bekend of dit op de site staat.</Typography>
      )}
      {polled.state === 'ready' && <Publication answer={polled.data} />}
    </Flex>
  );
}

/** The panel, for the content types with pages on the site. */
export const PublicationPanel: PanelComponent = ({ model, documentId, document }) => {
  if (!previewTypeOf(model)) return null;
  const title = 'Op de website';
  if (!documentId) return { title, content: <Typography>{DRAFT_TEXT}</Typography> };
  const path = `/admin/hub/publication/${encodeURIComponent(model)}/${encodeURIComponent(documentId)}`;
  return {
    title,
    content: <PublicationStatus path={path} refresh={document?.publishedAt ?? null} />,
  };
};
