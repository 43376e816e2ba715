import type { Directory } from '../directory/directory.js';
import type { LocalDate } from '../time/shanghai.js';
import { readQuestion } from './read-question.js';
import type { Reading } from './reading.js';

/** The reading of a question, or undefined when nothing in it was understood (see `readQuestion` for the details). */
export function parseQuery(text: string, directory: Directory, today: LocalDate): Reading | undefined {
  return readQuestion(text, directory, today).reading;
}
