/**
 * How easy a Dutch text is to read, with the two measures Dutch plain-language work uses:
 * Flesch-Douma (Douma's 1960 Dutch version of Flesch's Reading Ease) and LIX (Björnsson's
 * readability index), plus the figures behind them. Pure; the admin's B1 panel shows it while an
 * editor types, and it advises, never blocks.
 */
export interface Readability {
  sentences: number;
  words: number;
  syllables: number;
  /** Words of more than six letters (LIX's long words). */
  longWords: number;
  /** Words per sentence. */
  averageSentenceLength: number;
  /** Share of long words, 0 to 1. */
  longWordShare: number;
  /** 206.835 - 0.93 * words per sentence - 77 * syllables per word; higher is easier. */
  fleschDouma: number;
  /** Words per sentence + 100 * long words per word; lower is easier. */
  lix: number;
  /** What the figures mean for B1 (see readabilityLevel). */
  level: ReadabilityLevel;
  /** Sentences longer than B1 allows, longest first (at most five). */
  longSentences: { text: string; words: number }[];
  /** Words that are hard to read (many syllables or very long), most syllables first (at most ten). */
  hardWords: string[];
}

/**
 * 'B1': easy enough for most readers (Flesch-Douma 60 or more and sentences of 15 words or fewer
 * on average); 'bijna-b1': close (Flesch-Douma 50 or more); 'moeilijk': harder than B1;
 * 'te-kort': too little text to say.
 */
export type ReadabilityLevel = 'B1' | 'bijna-b1' | 'moeilijk' | 'te-kort';

/** Below this many words the measures say little. */
export const MIN_WORDS_FOR_SCORE = 20;
/** Sentences longer than this are hard to follow at B1. */
export const LONG_SENTENCE_WORDS = 20;
/** A word with this many syllables or more is hard at B1 ... */
const HARD_WORD_SYLLABLES = 5;
/** ... and so is a word of this many letters or more (long compounds). */
const HARD_WORD_LETTERS = 14;

/**
 * Dutch abbreviations whose full stop does not end a sentence (lower case, with their stops).
 */
const ABBREVIATIONS = new Set([
  'bijv.',
  'bv.',
  'o.a.',
  'd.w.z.',
  'enz.',
  'etc.',
  'm.b.t.',
  'i.p.v.',
  'i.v.m.',
  'z.o.z.',
  'ca.',
  'nr.',
  'mr.',
  'dr.',
  'mevr.',
  'dhr.',
  'st.',
  'incl.',
  'excl.',
  'tel.',
  'evt.',
]);

const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;
const LETTER = /\p{L}/u;

/**
 * The sentences of a text: ended by . ! ? or … (not in a known abbreviation) or by a line break
 * (a title, or the items of a list, are sentences of their own).
 */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  for (const paragraph of text.split(/\n+/)) {
    let current = '';
    for (const token of paragraph.replace(/\s+/g, ' ').trim().split(' ')) {
      current = current ? `${current} ${token}` : token;
      const endsSentence = /[.!?…]["'”’)]*$/.test(token) && !ABBREVIATIONS.has(token.toLowerCase());
      if (endsSentence) {
        sentences.push(current);
        current = '';
      }
    }
    if (current.trim()) sentences.push(current);
  }
  return sentences.filter((sentence) => wordsOf(sentence).length > 0);
}

/** The words of a text: runs of letters and digits (with inner hyphens), with a letter in them. */
export function wordsOf(text: string): string[] {
  return (text.match(WORD) ?? []).filter((word) => LETTER.test(word));
}

/**
 * Syllables of a Dutch word, counted as groups of vowels: "ij" is one vowel, a run of vowels is
 * one syllable (aa, ie, oe, eeuw), and a vowel with a diaeresis (ë, ï) starts a new one
 * (Belgi-ë). Close to how people count; off by one for some loanwords (coalitie).
 */
export function countSyllables(word: string): number {
  const letters = word.toLowerCase().replace(/ij/g, 'y').normalize('NFD');
  let count = 0;
  let afterVowel = false;
  for (let index = 0; index < letters.length; index += 1) {
    const letter = letters[index] ?? '';
    // Accents (decomposed by NFD) belong to the letter before them.
    if (/[\u0300-\u036f]/.test(letter)) continue;
    const isVowel = /[aeiouy]/.test(letter);
    const hasDiaeresis = letters[index + 1] === '\u0308';
    if (isVowel && (!afterVowel || hasDiaeresis)) count += 1;
    afterVowel = isVowel;
  }
  return Math.max(1, count);
}

const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

/** The B1 verdict of the figures. */
export function readabilityLevel(
  words: number,
  fleschDouma: number,
  averageSentenceLength: number,
): ReadabilityLevel {
  if (words < MIN_WORDS_FOR_SCORE) return 'te-kort';
  if (fleschDouma >= 60 && averageSentenceLength <= 15) return 'B1';
  if (fleschDouma >= 50) return 'bijna-b1';
  return 'moeilijk';
}

/** Scores a Dutch text (plain text; paragraphs separated by blank lines). */
export function scoreReadability(text: string): Readability {
  const sentences = splitSentences(text);
  const sentenceWords = sentences.map(wordsOf);
  const words = sentenceWords.flat();
  const syllablesPerWord = words.map(countSyllables);
  const syllables = syllablesPerWord.reduce((sum, count) => sum + count, 0);
  const longWords = words.filter((word) => [...word].length > 6).length;
  const sentenceCount = Math.max(1, sentences.length);
  const wordCount = Math.max(1, words.length);
  const averageSentenceLength = words.length / sentenceCount;
  const fleschDouma = 206.835 - 0.93 * averageSentenceLength - 77 * (syllables / wordCount);
  const lix = averageSentenceLength + (100 * longWords) / wordCount;

  const longSentences = sentences
    .map((sentence, index) => ({ text: sentence, words: sentenceWords[index]?.length ?? 0 }))
    .filter((sentence) => sentence.words > LONG_SENTENCE_WORDS)
    .sort((a, b) => b.words - a.words)
    .slice(0, 5);
  const hardWords = [
    ...new Map(
      words
        .map((word, index) => ({ word, syllables: syllablesPerWord[index] ?? 1 }))
        .filter(
          ({ word, syllables: count }) =>
            count >= HARD_WORD_SYLLABLES || [...word].length >= HARD_WORD_LETTERS,
        )
        .sort((a, b) => b.syllables - a.syllables)
        .map(({ word }) => [word.toLowerCase(), word] as const),
    ).values(),
  ].slice(0, 10);

  return {
    sentences: sentences.length,
    words: words.length,
    syllables,
    longWords,
    averageSentenceLength: round(averageSentenceLength),
    longWordShare: round(longWords / wordCount, 3),
    fleschDouma: round(fleschDouma),
    lix: round(lix),
    level: readabilityLevel(words.length, fleschDouma, averageSentenceLength),
    longSentences,
    hardWords,
  };
}
