import type { RegulatorClass } from '../../../contracts/org.js';

// The category tree of DOMAIN.md §4 with operators' codes (§11), its regulator classes and its routing.
export const demoCategories: {
  code: string;
  nameZh: string;
  nameEn: string;
  regulatorClass: RegulatorClass;
  unit: string;
  children: [string, string, string][];
}[] = [
  {
    code: '01',
    nameZh: '基础通信',
    nameEn: 'Basic communication',
    regulatorClass: 'network_quality',
    unit: 'NET-MAINT',
    children: [
      ['0101', '无信号', 'No signal'],
      ['0102', '通话掉线', 'Dropped calls'],
      ['0103', '上网速度慢', 'Poor data speed'],
      ['0104', '室内覆盖差', 'Poor indoor coverage'],
      ['0105', '通话质量差', 'Poor call quality'],
    ],
  },
  {
    code: '02',
    nameZh: '服务质量',
    nameEn: 'Service quality',
    regulatorClass: 'customer_service',
    unit: 'SVC-MGMT',
    children: [
      ['0201', '服务态度', 'Staff attitude'],
      ['0202', '营业厅服务', 'Service hall'],
      ['0203', '热线接通难', 'Hotline hard to reach'],
      ['0204', '承诺未兑现', 'Promise not kept'],
    ],
  },
  {
    code: '03',
    nameZh: '通信费用',
    nameEn: 'Charges',
    regulatorClass: 'charges_dispute',
    unit: 'IT',
    children: [
      ['0301', '话费争议', 'Disputed bill'],
      ['0302', '套餐资费', 'Plan charges'],
      ['0303', '流量费用', 'Data charges'],
      ['0304', '国际漫游费', 'Roaming charges'],
    ],
  },
  {
    code: '04',
    nameZh: '市场营销',
    nameEn: 'Marketing campaigns',
    regulatorClass: 'customer_service',
    unit: 'MKT-SUPPORT',
    children: [
      ['0401', '营销活动规则', 'Campaign terms'],
      ['0402', '礼品未兑现', 'Gift not delivered'],
      ['0403', '违规营销', 'Unsolicited marketing'],
    ],
  },
  {
    code: '05',
    nameZh: '集团业务',
    nameEn: 'Group business',
    regulatorClass: 'customer_service',
    unit: 'GROUP',
    children: [
      ['0501', '集团专线', 'Enterprise line'],
      ['0502', '集团V网', 'Group virtual network'],
      ['0503', '集团彩铃', 'Group ringback tones'],
    ],
  },
  {
    code: '06',
    nameZh: '梦网业务',
    nameEn: 'Value-added SP services',
    regulatorClass: 'charges_dispute',
    unit: 'VAS',
    children: [
      ['0601', 'SP扣费争议', 'Disputed SP charge'],
      ['0602', '业务退订失败', 'Unsubscribe failed'],
      ['0603', '不知情定制', 'Subscribed without consent'],
    ],
  },
  {
    code: '07',
    nameZh: '业务支撑',
    nameEn: 'Business support',
    regulatorClass: 'customer_service',
    unit: 'IT',
    children: [
      ['0701', '业务办理失败', 'Order failed'],
      ['0702', '错误扣费', 'Wrong deduction'],
      ['0703', '积分异常', 'Points error'],
    ],
  },
  {
    code: '08',
    nameZh: '数据业务',
    nameEn: 'Data services',
    regulatorClass: 'network_quality',
    unit: 'VAS',
    children: [
      ['0801', '手机上网故障', 'Mobile internet failure'],
      ['0802', '5G业务', '5G service'],
      ['0803', '家庭宽带故障', 'Home broadband fault'],
    ],
  },
  {
    code: '09',
    nameZh: '其它',
    nameEn: 'Other',
    regulatorClass: 'customer_service',
    unit: 'CSC-DESK',
    children: [
      ['0901', '咨询建议', 'Enquiry or suggestion'],
      ['0902', '其它问题', 'Other problem'],
    ],
  },
];
