import { describe, expect, it } from 'vitest';
import {
  adviseEditor,
  advisedContentType,
  countSyllables,
  readableText,
  scoreReadability,
  splitSentences,
  wordsOf,
} from '../src';

describe('countSyllables (Dutch)', () => {
  it.each([
    ['ik', 1],
    ['Maastricht', 2],
    ['koffie', 2],
    ['eenzaamheid', 3],
    ['mijn', 1],
    ['eeuw', 1],
    ['gezellig', 3],
    ['buurtbewoners', 4],
    ['België', 3],
    ['ruïne', 3],
    ['café', 2],
    ['ontmoetingsplek', 4],
  ])('%s has %i', (word, syllables) => {
    expect(countSyllables(word)).toBe(syllables);
  });
});

describe('splitSentences and wordsOf', () => {
  it('does not end a sentence at a known abbreviation, but does at a blank line', () => {
    expect(
      splitSentences('Kom bijv. op dinsdag. Of op vrijdag!\n\nKoffie staat klaar\n\nWelkom'),
    ).toEqual(['Kom bijv. op dinsdag.', 'Of op vrijdag!', 'Koffie staat klaar', 'Welkom']);
  });

  it('ends a sentence at every line break, so list items count on their own', () => {
    expect(splitSentences('Wat neem je mee?\nEen beker\nGoede zin')).toEqual([
      'Wat neem je mee?',
      'Een beker',
      'Goede zin',
    ]);
  });

  it('counts words with letters only, keeping hyphenated words whole', () => {
    expect(wordsOf('Op 14 maart: lief-en-leedstraat, 2,50 euro.')).toEqual([
      'Op',
      'maart',
      'lief-en-leedstraat',
      'euro',
    ]);
  });
});

describe('scoreReadability', () => {
  it('gives the hand-computed figures for a short text', () => {
    // 3 sentences, 14 words, 19 syllables, 2 words of more than six letters (Maastricht, gezellig).
    const score = scoreReadability(
      'Ik woon in Maastricht. Ik drink graag koffie met de buren. Dat is gezellig.',
    );
    expect(score).toMatchObject({ sentences: 3, words: 14, syllables: 19, longWords: 2 });
    // 206.835 - 0.93 * 14/3 - 77 * 19/14 = 97.995; 14/3 + 100 * 2/14 = 18.95.
    expect(score.fleschDouma).toBeCloseTo(98.0, 1);
    expect(score.lix).toBeCloseTo(19.0, 1);
    expect(score.averageSentenceLength).toBeCloseTo(4.7, 1);
    // Too short to judge.
    expect(score.level).toBe('te-kort');
  });

  it('calls short sentences with everyday words B1', () => {
    const text =
      'Elke dinsdag is er koffie in het buurthuis. Iedereen is welkom. Je hoeft je niet aan te melden. ' +
      'Er zijn vrijwilligers die je graag helpen. Samen praten we over de week. Kom gerust een keer kijken.';
    const score = scoreReadability(text);
    expect(score.words).toBeGreaterThanOrEqual(20);
    expect(score.fleschDouma).toBeGreaterThanOrEqual(60);
    expect(score.level).toBe('B1');
    expect(score.longSentences).toEqual([]);
    expect(score.hardWords).toEqual([]);
  });

  it('calls long, dense sentences hard, and names the longest sentence and hard words', () => {
    const long =
      'De gemeentelijke beleidsmedewerkers ontwikkelen in samenwerking met maatschappelijke ' +
      'organisaties en vertegenwoordigers van buurtbewoners een integrale uitvoeringsagenda ' +
      'ter bevordering van sociale participatie en ter voorkoming van eenzaamheidsproblematiek ' +
      'onder kwetsbare doelgroepen.';
    const score = scoreReadability(`${long} Dat is belangrijk.`);
    expect(score.level).toBe('moeilijk');
    expect(score.fleschDouma).toBeLessThan(50);
    expect(score.lix).toBeGreaterThan(50);
    expect(score.longSentences).toHaveLength(1);
    expect(score.longSentences[0]?.text).toBe(long);
    expect(score.longSentences[0]?.words).toBe(29);
    expect(score.hardWords).toContain('eenzaamheidsproblematiek');
    expect(score.hardWords).toContain('uitvoeringsagenda');
    expect(score.hardWords).not.toContain('Dat');
  });

  it('survives an empty text', () => {
    expect(scoreReadability('')).toMatchObject({ words: 0, sentences: 0, level: 'te-kort' });
  });
});

describe('adviseEditor', () => {
  it('scores title, summary and every rich-text field of the type, and finds publish issues', () => {
    const values = {
      title: 'Samen wandelen',
      summary: 'Elke week wandelen buren samen.',
      body: [{ type: 'paragraph', children: [{ type: 'text', text: 'We lopen een uur.' }] }],
      approach: [
        { type: 'heading', level: 4, children: [{ type: 'text', text: 'Hoe' }] },
        { type: 'paragraph', children: [{ type: 'text', text: 'Iedereen mag mee.' }] },
      ],
      activityType: 'wandelgroep',
    };
    expect(readableText('good-practice', values)).toBe(
      'Samen wandelen\n\nElke week wandelen buren samen.\n\nWe lopen een uur.\n\nHoe\n\nIedereen mag mee.',
    );
    const advice = adviseEditor('good-practice', values);
    expect(advice.readability.sentences).toBe(5);
    expect(advice.accessibility.errors).toHaveLength(1);
    expect(advisedContentType('api::good-practice.good-practice')).toBe('good-practice');
    expect(advisedContentType('api::theme.theme')).toBeNull();
    expect(advisedContentType('plugin::upload.file')).toBeNull();
  });
});
