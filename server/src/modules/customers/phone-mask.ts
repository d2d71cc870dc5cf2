// The usual display of a mobile number (DOMAIN.md §11): 138****5678. Seeing the full number is a right of its own.
export const maskPhone = (phone: string) => (phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : '*'.repeat(phone.length));
