import type { CaseActionType } from '../cases/case-action.js';

/** What a principal may do. One permission guards one or more routes or case actions. */
export const PERMISSIONS = [
  'orders:read',
  'orders:write',
  'cases:read',
  'cases:create',
  'cases:review',
  'cases:logistics',
  'cases:inspect',
  'cases:settle',
  'cases:fulfil',
  'cases:cancel',
  'cases:close',
  'refunds:create',
  'evidence:upload',
  'policies:read',
  'policies:write',
  'users:manage',
  'messages:write',
  'disputes:decide',
  'helpdesk:manage',
  'measures:read',
  // Generate quality reports on demand and choose who receives them by e-mail.
  'reports:manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLES = ['agent', 'logistics', 'quality', 'manager', 'admin'] as const;
export type Role = (typeof ROLES)[number];

const everything = new Set<Permission>(PERMISSIONS);
const without = (...left: Permission[]) => new Set(PERMISSIONS.filter((p) => !left.includes(p)));

// The matrix in one place. Agents review and answer; logistics moves parcels; quality
// inspects and reads the return analytics (rates, alerts, forecasts); managers do all of
// the case work, decide disputes and set up the help desk (service levels, macros, teams);
// admins also manage people.
const ROLE_PERMISSIONS: Record<Role | 'integration' | 'customer', ReadonlySet<Permission>> = {
  agent: new Set([
    'orders:read',
    'cases:read',
    'cases:create',
    'cases:review',
    'cases:cancel',
    'cases:close',
    'evidence:upload',
    'policies:read',
    'messages:write',
  ]),
  logistics: new Set([
    'orders:read',
    'cases:read',
    'cases:logistics',
    'cases:fulfil',
    'evidence:upload',
    'messages:write',
  ]),
  quality: new Set([
    'orders:read',
    'cases:read',
    'cases:inspect',
    'evidence:upload',
    'messages:write',
    'measures:read',
  ]),
  manager: without('users:manage'),
  admin: everything,
  // A shop's system acting through an API key: all case and order work, no people.
  integration: without('users:manage'),
  // Customers reach only their own orders and cases; ownership is checked on top of this.
  customer: new Set([
    'orders:read',
    'cases:read',
    'cases:create',
    'cases:cancel',
    'evidence:upload',
    'messages:write',
  ]),
};

export type PrincipalKind = Role | 'integration' | 'customer';

export function can(principal: PrincipalKind, permission: Permission): boolean {
  return ROLE_PERMISSIONS[principal].has(permission);
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** The permission each case action needs. A customer may also answer, ship and appeal their own case. */
export const ACTION_PERMISSION: Record<CaseActionType, Permission> = {
  start_review: 'cases:review',
  request_info: 'cases:review',
  provide_info: 'cases:review',
  approve: 'cases:review',
  reject: 'cases:review',
  issue_label: 'cases:logistics',
  ship: 'cases:logistics',
  receive: 'cases:logistics',
  pass_inspection: 'cases:inspect',
  fail_inspection: 'cases:inspect',
  refuse: 'cases:inspect',
  settle: 'cases:settle',
  refund: 'refunds:create',
  ship_replacement: 'cases:fulfil',
  complete_repair: 'cases:fulfil',
  close: 'cases:close',
  cancel: 'cases:cancel',
  solve: 'cases:review',
  reopen: 'cases:review',
  merge: 'cases:review',
  negotiate: 'cases:review',
  refer_to_arbitration: 'cases:review',
  decide: 'disputes:decide',
  appeal: 'cases:review',
  record_mediation: 'cases:review',
};

/** Actions a customer takes on their own case, whatever the table above says of staff. */
export const CUSTOMER_ACTIONS: ReadonlySet<string> = new Set(['provide_info', 'ship', 'cancel', 'appeal']);

export function canPerform(principal: PrincipalKind, action: string): boolean {
  if (principal === 'customer') return CUSTOMER_ACTIONS.has(action);
  const permission = ACTION_PERMISSION[action as CaseActionType];
  return permission !== undefined && can(principal, permission);
}
