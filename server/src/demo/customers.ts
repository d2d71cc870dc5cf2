import type { CustomerLevel } from '../../../contracts/org.js';

// A few hundred demo subscribers, the same on every run: a seeded generator, not Math.random.
function mulberry32(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const prefixes = [
  '134',
  '135',
  '136',
  '137',
  '138',
  '139',
  '147',
  '150',
  '151',
  '152',
  '157',
  '158',
  '159',
  '178',
  '182',
  '183',
  '184',
  '187',
  '188',
  '198',
];
const surnames = ['陈', '李', '黄', '张', '梁', '吴', '林', '刘', '谭', '余', '关', '司徒', '邝', '甄', '伍', '冯', '区', '何'];
const given = [
  '伟',
  '芳',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '洋',
  '艳',
  '勇',
  '军',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀英',
  '志强',
  '嘉欣',
  '国华',
  '婉婷',
  '俊杰',
];
const areas = ['BR-CQ', 'BR-XH', 'BR-HS', 'BR-TS', 'BR-KP', 'BR-EP'];

export interface DemoCustomer {
  phone: string;
  name: string;
  level: CustomerLevel;
  creditLevel: number;
  homeArea: string;
}

// About one customer in five is VIP (DOMAIN.md §3); the tiers thin out towards diamond.
function levelFor(r: number): CustomerLevel {
  if (r < 0.8) return 'normal';
  if (r < 0.92) return 'silver';
  if (r < 0.98) return 'gold';
  return 'diamond';
}

export function demoCustomers(count = 300): DemoCustomer[] {
  const rnd = mulberry32(20261123);
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const out: DemoCustomer[] = [{ phone: '13800138000', name: '陈伟', level: 'gold', creditLevel: 5, homeArea: 'BR-CQ' }];
  const seen = new Set(out.map((c) => c.phone));
  while (out.length < count) {
    const phone = pick(prefixes) + String(Math.floor(rnd() * 1e8)).padStart(8, '0');
    if (seen.has(phone)) continue;
    seen.add(phone);
    const level = levelFor(rnd());
    out.push({
      phone,
      name: pick(surnames) + pick(given),
      level,
      creditLevel: level === 'normal' ? 1 + Math.floor(rnd() * 5) : 3 + Math.floor(rnd() * 3),
      homeArea: pick(areas),
    });
  }
  return out;
}
