import type { ModuleMessages } from './en'

/** Module strings (Simplified Chinese). */
export const zhCN = {
  title: '客户拓展',
  processFlowchart: '流程图',
  tabs: { partnerCenter: '来自合作伙伴中心', history: '历史记录' },
  columns: {
    customerName: '客户名称',
    mobile: '手机号码',
    email: '邮箱',
    status: '状态',
    validUntil: '有效期至',
    lastInvitation: '最近邀请',
    createdBy: '创建人',
    createdAt: '创建时间',
  },
  daysLeft: '剩余 {n} 天',
  empty: '暂无报备客户。',
  total: '共 {n} 个客户',
  loadFailed: '客户列表加载失败。',
  reference: '参考编号:{id}',
} satisfies ModuleMessages
