// The editor's panel beside every article, good practice, event, partner and page: the B1
// readability of what is being written, and the accessibility problems it would meet at
// publication. It reads the form as it is now (unsaved changes too), advises and never blocks;
// the CMS itself refuses a publication with the errors listed here.
// The shared workspace is imported from its TypeScript sources: its built form is CommonJS.
import { useForm } from '@strapi/strapi/admin';
import type { PanelComponent } from '@strapi/content-manager/strapi-admin';
import { Box, Flex, Typography } from '@strapi/design-system';
import { adviseEditor, advisedContentType } from '@hub/shared/src/readability/editor-advice';
import type { ContentTypeKey } from '@hub/shared/src/validation/content-rules';
import type { ReadabilityLevel } from '@hub/shared/src/readability/readability';

const LEVEL_TEXT: Record<ReadabilityLevel, { text: string; tone: string }> = {
  B1: { text: 'Goed te lezen: taalniveau B1.', tone: 'success600' },
  'bijna-b1': { text: 'Bijna B1. Maak een paar zinnen korter.', tone: 'warning600' },
  moeilijk: {
    text: 'Moeilijker dan B1. Maak de zinnen korter en kies gewone woorden.',
    tone: 'danger600',
  },
  'te-kort': { text: 'Schrijf eerst wat meer tekst. Dan meten we het niveau.', tone: 'neutral600' },
};

const shorten = (text: string, length = 90) =>
  text.length > length ? `${text.slice(0, length).trimEnd()} …` : text;

function List({ items }: { items: string[] }) {
  return (
    <Box tag="ul" paddingLeft={4} style={{ listStyle: 'disc' }}>
      {items.map((item, index) => (
        <li key={index}>
          <Typography variant="pi">{item}</Typography>
        </li>
      ))}
    </Box>
  );
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Flex direction="column" alignItems="stretch" gap={1}>
      <Typography variant="sigma" textColor="neutral600" tag="h3">
        {title}
      </Typography>
      {children}
    </Flex>
  );
}

function EditorAdvice({ contentType }: { contentType: ContentTypeKey }) {
  const values = useForm('HubEditorAdvice', (state) => state.values) as Record<string, unknown>;
  const { readability, accessibility } = adviseEditor(contentType, values);
  const level = LEVEL_TEXT[readability.level];
  return (
    <Flex direction="column" alignItems="stretch" gap={4} data-hub-editor-advice>
      <Section title="Taalniveau">
        <Typography fontWeight="bold" textColor={level.tone} data-hub-level={readability.level}>
          {level.text}
        </Typography>
        {readability.level !== 'te-kort' && (
          <List
            items={[
              `Flesch-Douma: ${readability.fleschDouma} (60 of hoger is B1; hoger is makkelijker)`,
              `LIX: ${readability.lix} (onder 40 is B1; lager is makkelijker)`,
              `Woorden per zin: ${readability.averageSentenceLength} (B1: 15 of minder)`,
              `Lange woorden: ${Math.round(readability.longWordShare * 100)}%`,
            ]}
          />
        )}
      </Section>
      {readability.longSentences.length > 0 && (
        <Section title="Lange zinnen">
          <List
            items={readability.longSentences.map(
              (sentence) => `${shorten(sentence.text)} (${sentence.words} woorden)`,
            )}
          />
        </Section>
      )}
      {readability.hardWords.length > 0 && (
        <Section title="Moeilijke woorden">
          <Typography variant="pi">{readability.hardWords.join(', ')}</Typography>
        </Section>
      )}
      <Section title="Toegankelijkheid">
        {accessibility.errors.length === 0 && accessibility.warnings.length === 0 ? (
          <Typography variant="pi">Geen problemen gevonden.</Typography>
        ) : null}
        {accessibility.errors.length > 0 && (
          <>
            <Typography variant="pi" fontWeight="bold" textColor="danger600">
              Pas dit aan, anders kun je niet publiceren:
            </Typography>
            <List items={accessibility.errors.map((issue) => issue.message)} />
          </>
        )}
        {accessibility.warnings.length > 0 && (
          <>
            <Typography variant="pi" fontWeight="bold" textColor="warning600">
              Kijk hier nog eens naar:
            </Typography>
            <List items={accessibility.warnings.map((issue) => issue.message)} />
          </>
        )}
      </Section>
    </Flex>
  );
}

/** The panel, for the content types with text written for readers. */
export const EditorAdvicePanel: PanelComponent = ({ model }) => {
  const contentType = advisedContentType(model);
  if (!contentType) return null;
  return {
    title: 'Leesbaarheid en toegankelijkheid',
    content: <EditorAdvice contentType={contentType} />,
  };
};
