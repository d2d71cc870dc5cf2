// The closing message with the survey question. The customer answers with a bare digit; the reply is matched by the
// extension it was sent from, so the text need not carry any code.
export type SurveyLanguage = 'zh-CN' | 'en';

// The Chinese text stays within one UCS-2 message (70 characters) with a 16-character ticket number.
export function surveyText(language: SurveyLanguage, ticketNumber: string): string {
  return language === 'en'
    ? `Your complaint ${ticketNumber} has been closed. How satisfied are you with how it was handled? ` +
        'Reply with one digit: 1 very unsatisfied, 2 unsatisfied, 3 neutral, 4 satisfied, 5 very satisfied.'
    : `您的投诉（工单号${ticketNumber}）已办结。请对本次处理评价，回复数字：1非常不满意，2不满意，3一般，4满意，5非常满意。`;
}

export const languageOf = (stored: string | null | undefined): SurveyLanguage => (stored === 'en' ? 'en' : 'zh-CN');

// the sender extension: digits only, short enough for any gateway's source address
export const replyCodeFor = (surveyId: number): string => String(1000 + surveyId);
