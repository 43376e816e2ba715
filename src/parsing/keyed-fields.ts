/** `牵头:` `配合:` `截止:` `来源:` `事项:` fields of a 交办 message. */

const KEYED = /(牵头单位|牵头|配合单位|配合|协办单位|协办|截止日期|截止|时限|期限|来源|事项|标题)[:：]\s*/g;

export interface Keyed {
  lead: string[];
  co: string[];
  deadline?: string;
  source?: string;
  title?: string;
  rest: string;
}

/** Pulls `牵头:` `配合:` `截止:` `来源:` `事项:` fields out of the text. */
export function extractKeyed(text: string): Keyed {
  const out: Keyed = { lead: [], co: [], rest: '' };
  const matches = [...text.matchAll(KEYED)];
  if (matches.length === 0) return { ...out, rest: text };
  let rest = text.slice(0, matches[0]?.index ?? 0);
  matches.forEach((m, i) => {
    const start = (m.index ?? 0) + m[0].length;
    const end = matches[i + 1]?.index ?? text.length;
    const raw = text.slice(start, end).trim();
    const key = m[1] ?? '';
    // Unit lists and deadlines end at the first space; the remainder belongs to the text.
    const [value = '', ...tail] = key === '事项' || key === '标题' ? [raw] : raw.split(/\s+/);
    if (tail.length > 0) rest += ` ${tail.join(' ')}`;
    if (key.startsWith('牵头')) out.lead.push(...value.split(/[、,，;；]/).filter(Boolean));
    else if (key.startsWith('配合') || key.startsWith('协办')) out.co.push(...value.split(/[、,，;；]/).filter(Boolean));
    else if (key === '来源') out.source = value;
    else if (key === '事项' || key === '标题') out.title = value;
    else out.deadline = value;
  });
  return { ...out, rest: rest.trim() };
}
