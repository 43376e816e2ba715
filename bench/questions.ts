import { pathToFileURL } from 'node:url';
import { loadDirectory, parseDirectory } from '../src/directory/load-directory.js';
import type { Directory } from '../src/directory/directory.js';
import { readQuestion } from '../src/query/read-question.js';
import { lexiconFor } from '../src/query/lexicon.js';
import { fullyRead } from '../src/query/reading.js';
import { CORPUS } from '../test/query/corpus.js';
import { round } from './measure.js';

export interface QuestionBench {
  questions: number;
  rounds: number;
  /** Mean and 99th percentile time to read one question with the rule reader, in microseconds. */
  meanUs: number;
  p99Us: number;
  /** Share of the corpus the rule reader reads in full, so that the model would not be asked. */
  withoutModel: number;
  /** The same corpus against a large directory (its units and people in the lexicon). */
  large?: { units: number; people: number; meanUs: number; p99Us: number; lexiconMs: number };
}

const TODAY = '2026-12-07';

function time(directory: Directory, rounds: number): { meanUs: number; p99Us: number } {
  const questions = CORPUS.map(([q]) => q);
  for (const q of questions) readQuestion(q, directory, TODAY); // warm up (and build the lexicon)
  const samples: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const q of questions) {
      const t = performance.now();
      readQuestion(q, directory, TODAY);
      samples.push((performance.now() - t) * 1000);
    }
  }
  samples.sort((a, b) => a - b);
  const mean = samples.reduce((a, b) => a + b, 0) / samples.length;
  return { meanUs: round(mean, 1), p99Us: round(samples[Math.floor(samples.length * 0.99)] ?? 0, 1) };
}

/** `npm run bench` part: the question reader's time per question, and how much of the corpus needs no model. */
export function benchQuestions(rounds = 50, largeYaml?: string): QuestionBench {
  const demo = loadDirectory();
  const read = CORPUS.filter(([q]) => fullyRead(readQuestion(q, demo, TODAY))).length;
  const result: QuestionBench = { questions: CORPUS.length, rounds, ...time(demo, rounds), withoutModel: round(read / CORPUS.length, 3) };
  if (largeYaml) {
    const large = parseDirectory(largeYaml, 'bench');
    const t = performance.now();
    lexiconFor(large);
    const lexiconMs = round(performance.now() - t, 1);
    result.large = { units: large.allUnits().length, people: large.allPeople().length, lexiconMs, ...time(large, Math.max(5, Math.floor(rounds / 5))) };
  }
  return result;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const b = benchQuestions();
  process.stdout.write(`${JSON.stringify(b, null, 2)}\n`);
}
