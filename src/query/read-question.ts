import type { Directory } from '../directory/directory.js';
import type { LocalDate } from '../time/shanghai.js';
import { lexiconFor } from './lexicon.js';
import { normalizeQuestion } from './normalize-question.js';
import { tokenize, type Token } from './tokenize.js';
import { SURNAMES, UNIT_SUFFIX } from './vocabulary.js';
import type { Slots } from './slots.js';
import { buildReading } from './build-reading.js';
import type { ReadResult } from './reading.js';

const SKIP_FOR_NEGATION = new Set(['filler', 'ontime', 'all_quantifier', 'question', 'why', 'coordination']);

/**
 * Reads a question in plain words (or the text after `查询`) against the directory, the
 * calendar and the vocabulary: who it is about, which statuses (with negation), which time,
 * which relation, and what form of answer is asked for. Never throws.
 */
export function readQuestion(text: string, directory: Directory, today: LocalDate): ReadResult {
  const lex = lexiconFor(directory);
  const whole = buildReading(fillSlots(tokenize(normalizeQuestion(text), lex, today)), directory, today);
  // A task's card answers whatever else is asked of that task.
  if (whole.reading?.kind === 'task' || whole.reading?.kind === 'coordination') return whole;
  const clauses = text
    .split(CLAUSE_BREAK)
    .map((c) => c.trim())
    .filter(Boolean);
  if (clauses.length < 2) return whole;
  const read = clauses.map((c) => tokenize(normalizeQuestion(c), lex, today));
  const asking = read.map((tokens) => tokens.some((t) => ASKING.has(t.kind)));
  const first = asking.indexOf(true);
  if (first < 0 || !asking.includes(true, first + 1)) return whole;
  // 有几件逾期，谁负责的: a later clause that only asks who is responsible asks it of the same list.
  const rest = read.slice(first + 1);
  if (whole.reading?.kind === 'list' && rest.every(asksOnlyWho)) {
    const listed = buildReading(fillSlots(read.slice(0, first + 1).flat()), directory, today);
    if (listed.reading?.kind === 'list') listed.reading = { ...listed.reading, who: true };
    return listed;
  }
  // Two clauses that each ask something are two questions: read together they become one
  // question nobody asked (办结了几件 + 逾期的有哪些 → 逾期办结的件数). Answer the first, say so.
  const result = buildReading(fillSlots(read.slice(0, first + 1).flat()), directory, today);
  result.unanswered = { answered: clauses.slice(0, first + 1).join('，'), rest: clauses.slice(first + 1) };
  return result;
}

/** Breaks between clauses: sentence punctuation of either width (not 、, which lists names). */
const CLAUSE_BREAK = /[，,；;？?。！!\n]+/;
/** Tokens that make a clause a question of its own: what form of answer, who, which rank. */
const ASKING = new Set<Token['kind']>(['form', 'who', 'rank']);

/** 谁负责的, 责任人是谁, 是哪个单位: who, the responsible relation and fillers, nothing else. */
function asksOnlyWho(tokens: Token[]): boolean {
  const only = tokens.every((t) => t.kind === 'who' || t.kind === 'filler' || t.kind === 'question' || (t.kind === 'relation' && t.relation === 'responsible'));
  return only && tokens.some((t) => t.kind === 'who');
}

export function fillSlots(tokens: Token[]): Slots {
  const s: Slots = {
    codes: [],
    units: [],
    persons: [],
    me: false,
    myUnit: false,
    all: false,
    statuses: [],
    negatedVerb: false,
    impliesOpen: false,
    times: [],
    relations: [],
    forms: new Set(),
    ranks: [],
    who: false,
    tally: false,
    help: false,
    quantifier: false,
    question: false,
    why: false,
    coordination: false,
    coordinationAgreed: false,
    sources: [],
    chase: false,
    ontime: false,
    key: false,
    urgent: false,
    extended: false,
    absence: false,
    activity: false,
    lostNegation: false,
    ignored: [],
    unknownNames: [],
    corrected: [],
  };
  let negation: { text: string; at: number } | undefined;
  // 签收了没有 / 落实了没有: a negation closing the question after a status or verb asks yes or no.
  let lastWord: 'status' | 'verb' | undefined;
  const dropNegation = () => {
    if (negation) {
      s.ignored.push(negation.text);
      s.lostNegation = true;
    }
    negation = undefined;
  };
  const closing = (i: number) => tokens.slice(i + 1).every((t) => t.kind === 'filler' || t.kind === 'question');
  tokens.forEach((t, i) => {
    if (negation && t.kind !== 'status' && t.kind !== 'verb' && !SKIP_FOR_NEGATION.has(t.kind)) dropNegation();
    switch (t.kind) {
      case 'code':
        s.codes.push({ code: t.code, coordination: t.coordination });
        break;
      case 'unit':
        s.units.push(t.unitId);
        break;
      case 'typo':
        s.units.push(t.unitId);
        s.corrected.push({ written: t.text, unitId: t.unitId });
        break;
      case 'person':
        s.persons.push(t.personId);
        break;
      case 'me':
        s.me = true;
        break;
      case 'my_unit':
        s.myUnit = true;
        break;
      case 'all':
        s.all = true;
        if (t.covered) s.covered = true;
        break;
      case 'neg':
        dropNegation();
        if (lastWord && closing(i) && /^(没有|没|未)$/.test(t.text)) {
          if (lastWord === 'verb') s.statuses.push({ status: 'done', negated: false, weak: false, text: '办结' });
          s.question = true;
          break;
        }
        negation = { text: t.text, at: i };
        break;
      case 'status':
        s.statuses.push({ status: t.status, negated: (t.negated ?? false) !== (negation !== undefined), weak: t.weak ?? false, text: t.text });
        negation = undefined;
        lastWord = 'status';
        break;
      case 'verb':
        if (negation) s.negatedVerb = true;
        else lastWord = 'verb';
        negation = undefined;
        break;
      case 'overdue_days':
        s.statuses.push({ status: 'overdue', negated: false, weak: false, text: t.text });
        s.overdueDays = t.days;
        lastWord = 'status';
        break;
      case 'key':
        s.key = true;
        break;
      case 'urgent':
        s.urgent = true;
        break;
      case 'extended':
        s.extended = true;
        break;
      case 'verification':
        s.verification = t.result;
        break;
      case 'warning':
        s.warning = true;
        break;
      case 'referral':
        s.referral = true;
        break;
      case 'absence':
        s.absence = true;
        break;
      case 'activity':
        s.activity = true;
        break;
      case 'pending_request':
        s.pendingRequest = t.request;
        break;
      case 'source':
        s.sources.push(t.source);
        break;
      case 'relation':
        s.relations.push(t.relation);
        if (t.impliesOpen) s.impliesOpen = true;
        break;
      case 'time':
        s.times.push(t.slot);
        break;
      case 'form':
        s.forms.add(t.form);
        break;
      case 'rank':
        s.ranks.push(t.rank);
        break;
      case 'who':
        s.who = true;
        break;
      case 'tally':
        s.tally = true;
        break;
      case 'help':
        s.help = true;
        break;
      case 'all_quantifier':
        s.quantifier = true;
        break;
      case 'question':
        s.question = true;
        break;
      case 'why':
        s.why = true;
        break;
      case 'vague_time':
        s.ignored.push(`${t.text}（请写明时间，如「最近7天」「本周」「12月1日以来」）`);
        break;
      case 'deployment':
        s.deployment = t.text;
        break;
      case 'rate':
        s.ignored.push(`${t.text}（比率不单独计算，以上为件数；各单位按期办结、当日签收情况见「本月各单位情况」）`);
        break;
      case 'coordination':
        s.coordination = true;
        // 还没协调一致的 are the items listed; 没有协调的 (work without one) is not a question the reader knows.
        if (t.agreed && !negation) s.coordinationAgreed = true;
        if (negation && !t.agreed) dropNegation();
        negation = undefined;
        break;
      case 'chase':
        s.chase = true;
        break;
      case 'ontime':
        s.ontime = true;
        break;
      case 'filler':
      case 'at':
        break;
      case 'rest':
        classifyRest(t.text, tokens, i, s);
        break;
    }
    if (negation && i - negation.at > 3) dropNegation();
  });
  dropNegation();
  return s;
}

/** Words that end like a unit's name but are none: left out of the reading (and said so), never asked for as a missing unit. */
const NOT_A_UNIT = /(?:干部|内部|外部|局部|基层|班子|一把手|总部|座谈会|推进会|例会)$/;

/** An unknown word: a name missing from the directory (said so), or a word left out of the reading. */
function classifyRest(text: string, tokens: Token[], i: number, s: Slots): void {
  const prev = tokens[i - 1];
  const next = tokens[i + 1]?.kind === 'filler' && tokens[i + 1]?.text === '的' ? tokens[i + 2] : tokens[i + 1];
  const han = /^[\u4e00-\u9fff]+$/.test(text);
  if (han && text.length >= 2 && text.length <= 12 && UNIT_SUFFIX.test(text) && !NOT_A_UNIT.test(text)) {
    s.unknownNames.push(text);
    return;
  }
  if (prev?.kind === 'at') {
    s.unknownNames.push(text);
    return;
  }
  const personSlot = next !== undefined && (next.kind === 'relation' || (next.kind === 'status' && next.status === 'assigned'));
  if (han && text.length >= 2 && text.length <= 3 && SURNAMES.has(text.charAt(0)) && personSlot) {
    s.unknownNames.push(text);
    return;
  }
  s.ignored.push(text);
}
