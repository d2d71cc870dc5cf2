// The SMS a customer gets when every callback attempt went unanswered, in the language chosen at booking.
// Only the topic is quoted, cut short: no number, no name, nothing else personal rides in an SMS.
export function unreachedSms(language: string, topic: string): string {
  const short = topic.length > 30 ? `${topic.slice(0, 30)}…` : topic;
  return language === 'en'
    ? `Customer service: we called you back about "${short}" several times but could not reach you. If you still need help, please call 10086 or reply to this message.`
    : `【客服中心】您好，我们就“${short}”多次回电均未能接通。如仍需处理，请拨打10086或直接回复本短信。`;
}
