// Owns every text message to and from customers: the durable outbox, the gateway links (SMPP, CMPP, simulator),
// and inbound commands.
export { createSmsOutbox, type OutgoingSms, type SmsOutbox, type SmsPurpose } from './outbox.js';
