// Owns every text message to and from customers: the durable outbox and its dispatcher, the gateway links (SMPP,
// CMPP, simulator), inbound commands, notifications to customers and the SMS administration.
export { createSmsOutbox, type OutgoingSms, type SmsOutbox, type SmsPurpose } from './outbox.js';
export { createSms, type Sms } from './module.js';
export type { SmsSelfService, SmsSurveyAnswers } from './inbound.js';
export { smsRoutes } from './routes.js';
