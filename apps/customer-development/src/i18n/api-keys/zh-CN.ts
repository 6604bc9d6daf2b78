import type { ApiKeysMessages } from './en'

/** Strings of the API Keys page (S34), Simplified Chinese. */
export const apiKeysZhCN: ApiKeysMessages = {
  apiKeys: {
    intro:
      "API 密钥可让您的系统以某一角色的权限调用合作伙伴中心 API。请在 Authorization 请求头中以 Bearer {'{'}密钥{'}'} 的形式发送。API 密钥不能管理 API 密钥或 Webhook,其每次查看明文均会记入审计日志。",
    create: '创建 API 密钥',
    columns: {
      name: '名称',
      key: '密钥',
      role: '角色',
      createdBy: '创建人',
      createdAt: '创建时间',
      lastUsed: '最近使用',
      status: '状态',
      operation: '操作',
    },
    never: '从未使用',
    revoke: '吊销',
    empty: '暂无 API 密钥。',
    roles: {
      admin: '管理员',
      sales: '销售(操作员)',
      read_only: '只读',
      ecosystem_manager: '生态经理',
    },
    statuses: {
      ACTIVE: '生效中',
      REVOKED: '已吊销',
    },
    dialog: {
      title: '创建 API 密钥',
      name: '名称',
      nameHint: '使用该密钥的系统,例如 CRM 同步。',
      role: '角色',
      roleHint: '该密钥拥有此角色的权限,但不能管理 API 密钥和 Webhook。',
    },
    created: {
      title: 'API 密钥已创建',
      text: '请立即复制该密钥。密钥仅显示一次且无法找回;如遗失,请吊销后重新创建。',
      key: 'API 密钥',
      copy: '复制',
      copied: '密钥已复制',
      stored: '我已保存',
    },
    revokeTitle: '吊销',
    revokeText:
      '确认吊销 API 密钥“{name}”?使用该密钥的系统将从下一次请求起被拒绝。此操作不可撤销。',
    revoked: '密钥已吊销',
  },
}
