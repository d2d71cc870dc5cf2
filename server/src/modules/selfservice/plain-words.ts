import type { PlainText, ProgressItem } from '../../../../contracts/selfservice.js';

// What a customer reads or hears about a complaint: no workflow jargon, no internal step names.
export const statusWords: Record<string, PlainText> = {
  accepted: { zh: '已受理，正在安排处理', en: 'received, being arranged' },
  dispatched: { zh: '已转交处理部门', en: 'passed to the department that will handle it' },
  processing: { zh: '正在处理', en: 'being worked on' },
  replied: { zh: '处理部门已回复，正在核实结果', en: 'the department has replied; we are checking the result' },
  answered: { zh: '已答复您', en: 'we have answered you' },
  closed: { zh: '已办结', en: 'closed' },
  returned: { zh: '正在重新安排处理部门', en: 'being passed to the right department' },
  suspended: { zh: '等待您补充信息', en: 'waiting for information from you' },
};

export const wordsFor = (status: string): PlainText => statusWords[status] ?? { zh: '处理中', en: 'in progress' };

// Which timeline entries the customer sees, in what words. Everything else (notes, the department's own reply,
// return reasons, escalations, assignments) stays internal.
export const timelineWords: Record<string, PlainText> = {
  accept: { zh: '投诉已受理', en: 'Complaint received' },
  dispatch: { zh: '已转交处理部门', en: 'Passed to the department that handles it' },
  transfer: { zh: '已转交处理部门', en: 'Passed to the department that handles it' },
  take: { zh: '处理人员已开始处理', en: 'Someone has started working on it' },
  answer: { zh: '已答复您', en: 'We answered you' },
  close: { zh: '投诉已办结', en: 'Complaint closed' },
  resolve: { zh: '投诉已当场解决', en: 'Solved on the spot' },
  reopen: { zh: '投诉已重新处理', en: 'Complaint reopened' },
  suspend: { zh: '等待您补充信息', en: 'Waiting for information from you' },
  resume: { zh: '继续处理', en: 'Work resumed' },
  customer_info: { zh: '您补充了信息', en: 'You added information' },
  customer_rating: { zh: '您评价了处理结果', en: 'You rated the handling' },
};

// building a formatter costs far more than using one: one per language and zone, kept
const formatters = new Map<string, Intl.DateTimeFormat>();
function time(iso: string, zone: string, locale: string): string {
  const key = `${locale} ${zone}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, {
      timeZone: zone,
      month: 'numeric',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hour12: false,
    });
    formatters.set(key, f);
  }
  return f.format(new Date(iso));
}

// Digits read one by one, so text-to-speech says "T S 2 0 2 6…" and not "twenty trillion".
const spelled = (number: string) => number.slice(-6).split('').join(' ');

/** A sentence ready for text-to-speech or an SMS, in both languages. */
export function progressSpeech(items: ProgressItem[], zone: string): PlainText {
  if (items.length === 0) return { zh: '您目前没有正在处理的投诉。', en: 'You have no open complaints at the moment.' };
  const zh = items.map((t) => {
    const unit = t.handlingUnit ? `，由${t.handlingUnit.name}处理` : '';
    const due = t.answerDueAt ? `，预计${time(t.answerDueAt, zone, 'zh-CN')}前答复` : '';
    return `尾号${spelled(t.number)}的投诉${t.statusText.zh}${unit}${due}。`;
  });
  const en = items.map((t) => {
    const unit = t.handlingUnit ? `, handled by ${t.handlingUnit.nameEn}` : '';
    const due = t.answerDueAt ? `, answer due by ${time(t.answerDueAt, zone, 'en-GB')}` : '';
    return `Complaint ending ${spelled(t.number)}: ${t.statusText.en}${unit}${due}.`;
  });
  return {
    zh: `您有${items.length}件投诉正在处理。${zh.join('')}`,
    en: `You have ${items.length} open complaint${items.length > 1 ? 's' : ''}. ${en.join(' ')}`,
  };
}
