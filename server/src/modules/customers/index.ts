// Owns customer records (phone, level, credit) and how a phone number is shown.
export { createCustomerRepository, type CustomerRepository } from './repository.js';
export { maskPhone } from './phone-mask.js';
