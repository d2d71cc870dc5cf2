import type { Role } from '../../../contracts/roles.js';

// A city company modelled on Jiangmen (DOMAIN.md §1): customer-service centre, marketing, network, branches.
export const demoUnits: { code: string; name: string; nameEn: string; kind: string; parent: string | null }[] = [
  { code: 'JM', name: '江门分公司', nameEn: 'Jiangmen Company', kind: 'company', parent: null },
  { code: 'CSC', name: '客户服务中心', nameEn: 'Customer Service Centre', kind: 'centre', parent: 'JM' },
  { code: 'CSC-HOTLINE', name: '话务室', nameEn: 'Hotline Room', kind: 'room', parent: 'CSC' },
  { code: 'CSC-DESK', name: '综援室（投诉专席）', nameEn: 'Complaint Desk', kind: 'room', parent: 'CSC' },
  { code: 'CSC-SPECIALIST', name: '数据业务专席', nameEn: 'Data Services Specialist Seats', kind: 'room', parent: 'CSC' },
  { code: 'MKT', name: '市场经营部', nameEn: 'Marketing Department', kind: 'department', parent: 'JM' },
  { code: 'VAS', name: '数据业务中心', nameEn: 'Data Service Centre', kind: 'room', parent: 'MKT' },
  { code: 'MKT-SUPPORT', name: '支撑室', nameEn: 'Marketing Support', kind: 'room', parent: 'MKT' },
  { code: 'GROUP', name: '集团客户室', nameEn: 'Group Customer Room', kind: 'room', parent: 'MKT' },
  { code: 'SVC-MGMT', name: '服务管理室', nameEn: 'Service Management Room', kind: 'room', parent: 'MKT' },
  { code: 'CHANNEL', name: '渠道管理室', nameEn: 'Channel Management Room', kind: 'room', parent: 'MKT' },
  { code: 'NET', name: '网络部', nameEn: 'Network Department', kind: 'department', parent: 'JM' },
  { code: 'NET-OPT', name: '网络优化中心', nameEn: 'Network Optimisation Centre', kind: 'room', parent: 'NET' },
  { code: 'NET-MAINT', name: '网络维护中心', nameEn: 'Network Maintenance Centre', kind: 'room', parent: 'NET' },
  { code: 'NET-ENG', name: '工程管理中心', nameEn: 'Engineering Management Centre', kind: 'room', parent: 'NET' },
  { code: 'IT', name: '信息技术中心', nameEn: 'IT Centre', kind: 'room', parent: 'NET' },
  { code: 'QA', name: '质量管理室', nameEn: 'Quality Management Room', kind: 'department', parent: 'JM' },
  { code: 'BR-CQ', name: '城区分公司', nameEn: 'Urban District Branch', kind: 'branch', parent: 'JM' },
  { code: 'BR-XH', name: '新会分公司', nameEn: 'Xinhui Branch', kind: 'branch', parent: 'JM' },
  { code: 'BR-HS', name: '鹤山分公司', nameEn: 'Heshan Branch', kind: 'branch', parent: 'JM' },
  { code: 'BR-TS', name: '台山分公司', nameEn: 'Taishan Branch', kind: 'branch', parent: 'JM' },
  { code: 'BR-KP', name: '开平分公司', nameEn: 'Kaiping Branch', kind: 'branch', parent: 'JM' },
  { code: 'BR-EP', name: '恩平分公司', nameEn: 'Enping Branch', kind: 'branch', parent: 'JM' },
];

export const DEMO_PASSWORD = 'demo1234';

// One account per role, as the README lists them.
export const demoUsers: { username: string; displayName: string; role: Role; unit: string }[] = [
  { username: 'admin', displayName: '系统管理员', role: 'admin', unit: 'JM' },
  { username: 'agent', displayName: '张敏', role: 'agent', unit: 'CSC-HOTLINE' },
  { username: 'desk', displayName: '李娟', role: 'desk', unit: 'CSC-DESK' },
  { username: 'network', displayName: '王强', role: 'handler', unit: 'NET-MAINT' },
  { username: 'it', displayName: '陈磊', role: 'handler', unit: 'IT' },
  { username: 'vas', displayName: '刘洋', role: 'handler', unit: 'VAS' },
  { username: 'marketing', displayName: '黄丽', role: 'handler', unit: 'MKT-SUPPORT' },
  { username: 'specialist', displayName: '赵婷', role: 'specialist', unit: 'CSC-SPECIALIST' },
  { username: 'qa', displayName: '周静', role: 'qa', unit: 'QA' },
  { username: 'manager', displayName: '吴涛', role: 'manager', unit: 'SVC-MGMT' },
];
