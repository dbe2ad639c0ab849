import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

/** Timestamps read as Date and accept Date or ISO strings on write. */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Json<T = unknown> = ColumnType<T, string | T, string | T>;

export interface TenantsTable {
  id: string;
  name: string;
  created_at: CreatedAt;
}

export interface StoresTable {
  id: string;
  tenant_id: string;
  code: string;
  name: string;
  country: string;
  currency: string;
  time_zone: string;
  languages: string[];
  created_at: CreatedAt;
}

export interface CustomersTable {
  id: string;
  tenant_id: string;
  external_id: string;
  email: string | null;
  phone: string | null;
  name: string | null;
  language: string | null;
  country: string | null;
  blocked: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface OrdersTable {
  id: string;
  tenant_id: string;
  store_id: string;
  customer_id: string;
  external_id: string;
  number: string;
  status: string;
  placed_at: Timestamp;
  currency: string;
  shipping_minor: number;
  total_minor: number;
  delivered_at: Timestamp | null;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface OrderLinesTable {
  id: string;
  tenant_id: string;
  order_id: string;
  external_id: string;
  position: number;
  sku: string;
  title: string;
  category: string | null;
  attributes: Json<Record<string, string>>;
  quantity: number;
  unit_price_minor: number;
  discount_minor: number;
}

export interface PaymentsTable {
  id: string;
  tenant_id: string;
  order_id: string;
  position: number;
  method: string;
  reference: string | null;
  captured_minor: number;
}

export interface ShipmentsTable {
  id: string;
  tenant_id: string;
  order_id: string;
  position: number;
  carrier: string;
  tracking_number: string | null;
  shipped_at: Timestamp | null;
  delivered_at: Timestamp | null;
  estimated_at: Timestamp | null;
}

export interface UsersTable {
  id: string;
  tenant_id: string;
  email: string;
  name: string;
  role: string;
  password_hash: string;
  active: Generated<boolean>;
  created_at: CreatedAt;
}

export interface SessionsTable {
  token_hash: string;
  tenant_id: string;
  user_id: string | null;
  customer_id: string | null;
  expires_at: Timestamp;
  created_at: CreatedAt;
}

export interface ApiKeysTable {
  id: string;
  tenant_id: string;
  name: string;
  prefix: string;
  key_hash: string;
  created_at: CreatedAt;
  revoked_at: Timestamp | null;
}

export interface PoliciesTable {
  tenant_id: string;
  version: number;
  document: Json;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface CasesTable {
  id: string;
  tenant_id: string;
  number: Generated<number>;
  kind: string;
  status: string;
  version: Generated<number>;
  store_id: string | null;
  customer_id: string;
  order_id: string | null;
  language: string;
  channel: string;
  priority: Generated<string>;
  assignee_id: string | null;
  description: string | null;
  return_code: string | null;
  policy_version: number | null;
  refundable_minor: number | null;
  currency: string | null;
  created_by_type: string;
  created_by_id: string | null;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
  closed_at: Timestamp | null;
}

export interface CaseItemsTable {
  id: string;
  tenant_id: string;
  case_id: string;
  order_line_id: string;
  sku: string;
  quantity: number;
  reason_code: string;
  description: string | null;
  conditions: string[];
  replacement: Json<{
    sku: string;
    unitPriceMinor: number;
    attributes?: Record<string, string>;
  } | null> | null;
  goods_minor: Generated<number>;
  shipping_refund_minor: Generated<number>;
  refundable_minor: Generated<number>;
}

export interface EvidenceFilesTable {
  id: string;
  tenant_id: string;
  case_id: string | null;
  case_item_id: string | null;
  storage_key: string;
  content_type: string;
  size_bytes: number;
  original_name: string | null;
  uploaded_by_type: string;
  uploaded_by_id: string | null;
  created_at: CreatedAt;
}

export interface DecisionsTable {
  id: string;
  tenant_id: string;
  case_id: string;
  policy_version: number;
  outcome: string;
  result: Json;
  created_at: CreatedAt;
}

export interface ReturnShipmentsTable {
  id: string;
  tenant_id: string;
  case_id: string;
  carrier: string;
  waybill_number: string;
  customer_carrier: Generated<string | null>;
  tracking_number: Generated<string | null>;
  shipped_at: Timestamp | null;
  received_at: Timestamp | null;
  created_at: CreatedAt;
}

export interface InspectionsTable {
  id: string;
  tenant_id: string;
  case_id: string;
  passed: boolean;
  notes: string | null;
  inspected_by: string | null;
  created_at: CreatedAt;
}

export interface RefundsTable {
  id: string;
  tenant_id: string;
  case_id: string;
  amount_minor: number;
  currency: string;
  method: string;
  status: string;
  idempotency_key: string;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface EventsTable {
  id: Generated<number>;
  tenant_id: string;
  stream: string;
  stream_id: string;
  type: string;
  actor_type: string;
  actor_id: string | null;
  reason: string | null;
  data: Json<Record<string, unknown>>;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}

export interface IdempotencyKeysTable {
  tenant_id: string;
  key: string;
  principal: string;
  request_hash: string;
  status_code: number | null;
  response: Json | null;
  created_at: CreatedAt;
}

/** The database as Kysely sees it. Column names stay snake_case, as a DBA reads them. */
export interface Database {
  tenants: TenantsTable;
  stores: StoresTable;
  customers: CustomersTable;
  orders: OrdersTable;
  order_lines: OrderLinesTable;
  payments: PaymentsTable;
  shipments: ShipmentsTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_keys: ApiKeysTable;
  policies: PoliciesTable;
  cases: CasesTable;
  case_items: CaseItemsTable;
  evidence_files: EvidenceFilesTable;
  decisions: DecisionsTable;
  return_shipments: ReturnShipmentsTable;
  inspections: InspectionsTable;
  refunds: RefundsTable;
  events: EventsTable;
  idempotency_keys: IdempotencyKeysTable;
}

export type CaseRow = Selectable<CasesTable>;
export type NewEvent = Insertable<EventsTable>;
