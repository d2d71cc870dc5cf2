import type { App } from '../app.js';
import { demoCustomers } from './customers.js';
import { DEMO_PASSWORD } from './organisation.js';

// A morning's worth of complaints in every stage of the loop, made through the API as the demo staff
// would make them, so a newcomer's queues are not empty and every screen has something to show.
const stories: {
  category: string;
  text: string;
  location?: Record<string, string>;
  to: 'accepted' | 'dispatched' | 'processing' | 'replied' | 'answered' | 'closed' | 'intercepted' | 'returned';
}[] = [
  {
    category: '0101',
    text: '家里和小区楼下都没有信号，已经持续三天',
    location: { city: '江门', district: '蓬江区', compound: '丰乐花园' },
    to: 'dispatched',
  },
  {
    category: '0101',
    text: '丰乐花园2栋电梯和地下车库完全没信号',
    location: { city: '江门', district: '蓬江区', compound: '丰乐花园' },
    to: 'processing',
  },
  {
    category: '0102',
    text: '通话经常掉线，尤其是在江门大道上开车时',
    location: { city: '江门', district: '江海区', address: '江门大道中' },
    to: 'replied',
  },
  {
    category: '0103',
    text: '晚上八点以后4G网速很慢，视频加载不了',
    location: { city: '江门', district: '新会区', compound: '碧桂园' },
    to: 'answered',
  },
  {
    category: '0104',
    text: '办公室在写字楼12楼，室内信号只有一格',
    location: { city: '江门', district: '蓬江区', address: '建设三路88号' },
    to: 'closed',
  },
  { category: '0301', text: '本月话费比平时多了58元，不清楚原因', to: 'intercepted' },
  { category: '0302', text: '套餐变更后仍按旧套餐扣费', to: 'dispatched' },
  { category: '0303', text: '没有用流量却扣了20元流量费', to: 'processing' },
  { category: '0601', text: '每月被扣10元的SP业务费，从未订购过', to: 'dispatched' },
  { category: '0603', text: '莫名其妙被订购了彩铃业务', to: 'returned' },
  { category: '0701', text: '在网上营业厅办理宽带续费一直失败', to: 'accepted' },
  { category: '0702', text: '携号转网后还被扣了月租', to: 'replied' },
  { category: '0401', text: '参加充值送话费活动，赠送的话费没有到账', to: 'dispatched' },
  { category: '0801', text: '手机开了数据但上不了网，重启也没用', to: 'intercepted' },
  {
    category: '0803',
    text: '家庭宽带每天晚上断线好几次',
    location: { city: '江门', district: '鹤山市', compound: '沙坪花园' },
    to: 'processing',
  },
  {
    category: '0201',
    text: '营业厅工作人员态度差，不耐烦',
    location: { city: '江门', district: '台山市', address: '台城营业厅' },
    to: 'dispatched',
  },
  { category: '0203', text: '打10086排队半小时都接不通人工', to: 'intercepted' },
  { category: '0502', text: '公司集团V网短号拨不通', to: 'dispatched' },
];

export async function seedDemoTickets(app: App): Promise<number> {
  const sessions = new Map<string, { cookie: string; csrf: string }>();
  const as = async (username: string) => {
    let s = sessions.get(username);
    if (!s) {
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: DEMO_PASSWORD } });
      s = { cookie: res.cookies.find((c) => c.name === 'closeloop_session')!.value, csrf: (res.json() as { csrfToken: string }).csrfToken };
      sessions.set(username, s);
    }
    return s;
  };
  const call = async (username: string, url: string, payload: object) => {
    const s = await as(username);
    const res = await app.inject({
      method: 'POST',
      url,
      payload,
      cookies: { closeloop_session: s.cookie },
      headers: { 'x-csrf-token': s.csrf },
    });
    if (res.statusCode >= 300) throw new Error(`demo ticket: ${url} as ${username} failed: ${res.body}`);
    return res.json() as { id: number; handlingUnit: { code: string } | null };
  };
  const handlerOf: Record<string, string> = { 'NET-MAINT': 'network', IT: 'it', VAS: 'vas', 'MKT-SUPPORT': 'marketing' };
  const customers = demoCustomers();
  let made = 0;
  for (const [i, s] of stories.entries()) {
    const intake = i % 3 === 2 ? 'desk' : 'agent';
    const body = {
      customerPhone: customers[i * 7]!.phone,
      categoryCode: s.category,
      description: s.text,
      channel: i % 4 === 3 ? 'hall' : 'hotline',
      ...(s.location ? { location: s.location } : {}),
    };
    if (s.to === 'intercepted') {
      await call(intake, '/api/v1/tickets', { ...body, resolveNow: { resolution: '已向客户解释并当场处理，客户认可' } });
      made++;
      continue;
    }
    const t = await call(intake, '/api/v1/tickets', body);
    made++;
    if (s.to === 'accepted') continue;
    const d = await call(intake, `/api/v1/tickets/${t.id}/dispatch`, {});
    const handler = handlerOf[d.handlingUnit?.code ?? ''] ?? 'desk';
    if (s.to === 'dispatched') continue;
    if (s.to === 'returned') {
      await call(handler, `/api/v1/tickets/${t.id}/return`, { reason: '经核查不属于本部门处理范围，请重新派单' });
      continue;
    }
    await call(handler, `/api/v1/tickets/${t.id}/take`, {});
    if (s.to === 'processing') continue;
    await call(handler, `/api/v1/tickets/${t.id}/reply`, { result: '已核实并处理，问题已解决' });
    if (s.to === 'replied') continue;
    await call(intake, `/api/v1/tickets/${t.id}/answer`, { answer: '已致电客户告知处理结果，客户表示认可' });
    if (s.to === 'answered') continue;
    await call(intake, `/api/v1/tickets/${t.id}/close`, {});
  }
  return made;
}
