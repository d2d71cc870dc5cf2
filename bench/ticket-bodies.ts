// What a hotline agent types in: a few hundred callers, the leaf categories the demo seed holds.
// Several hundred phones means most creates find an existing customer, as on a real hotline.

const PREFIXES = ['134', '138', '139', '150', '158', '182', '186', '187', '199', '135'];
const CALLERS = 300;
// leaf categories of the demo seed (server/src/demo/categories.ts); a parent code would be refused
const CATEGORIES = ['0101', '0102', '0103', '0301', '0601', '0701'];
const PLACES = [
  { city: '江门', district: '蓬江区', compound: '丰乐花园' },
  { city: '江门', district: '新会区', compound: '碧桂园' },
  { city: '广州', district: '天河区', compound: '珠江新城' },
];

export const callerPhones: string[] = Array.from({ length: CALLERS }, (_, i) => {
  const prefix = PREFIXES[i % PREFIXES.length]!;
  // spread the last eight digits so numbers do not share a customer row by accident
  return prefix + String((i * 7_919_113 + 10_000_019) % 100_000_000).padStart(8, '0');
});

export function ticketBody(n: number): string {
  return JSON.stringify({
    customerPhone: callerPhones[n % callerPhones.length],
    categoryCode: CATEGORIES[n % CATEGORIES.length],
    description: `小区里手机一直没有信号 #${n}`,
    channel: 'hotline',
    location: PLACES[n % PLACES.length],
  });
}
