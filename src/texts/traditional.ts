/**
 * Traditional characters folded to simplified ones, one character for one: the question reader
 * and the command table read 還有幾件沒辦完 and 進展 like their simplified forms.
 */

// Pairs of traditional → simplified characters that occur in questions about the ledger and in
// directory names. Not a full converter: enough that 海州還有幾件沒辦完？ reads like its simplified form.
const PAIRS =
  '還还幾几辦办結结簽签單单發发財财廳厅這这週周個个們们麼么嗎吗沒没該该項项誰谁進进處处務务開开會会議议數数統统計计' +
  '時时間间問问請请頭头負负責责過过對对經经後后來来長长點点鍵键狀状況况態态內内盡尽讓让說说為为與与無无現现將将當当' +
  '實实據据區区縣县廣广門门關关環环資资設设運运輸输規规劃划園园號号強强積积極极級级總总應应線线錯错帶带臺台臨临' +
  '萬万壞坏齊齐達达從从報报給给讀读種种題题聯联絡络話话認认領领導导書书記记張张勞劳濟济醫医療疗護护衛卫鄉乡鎮镇' +
  '產产業业農农圍围範范陳陈劉刘吳吴鄭郑曉晓東东黃黄遠远孫孙麗丽蔣蒋濤涛趙赵剛刚錢钱韋韦華华馮冯靜静韓韩楊杨鵬鹏' +
  '許许呂吕鄧邓陽阳謝谢軍军嶺岭連连務务據据釐厘觀观兩两麼么禮礼週周齣出纔才隻只裡里裏里鐘钟歷历曆历塊块訊讯錄录' +
  '設设備备並并齊齐歲岁區区這这嗎吗啟启啓启峯峰淨净氣气見见視视覽览產产態态圖图體体樣样類类較较雙双車车鐵铁' +
  '橋桥場场廠厂礎础審审核核籤签託托؟？督督辦办誌志鋒锋雲云飛飞龍龙鳳凤蘭兰葉叶劉刘韋韦';

const FOLD = new Map<string, string>();
for (let i = 0; i + 1 < PAIRS.length; i += 2) {
  const from = PAIRS[i] as string;
  const to = PAIRS[i + 1] as string;
  if (from !== to) FOLD.set(from, to);
}

/** Folds traditional characters to simplified ones (character by character). */
export function foldTraditional(text: string): string {
  let out = '';
  for (const ch of text) out += FOLD.get(ch) ?? ch;
  return out;
}
