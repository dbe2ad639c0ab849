import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { QualityTables } from './schema-quality.js';
import type { ReportTables } from './schema-reports.js';
import type { RollupTables } from './schema-rollups.js';

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
  calendar_id: string | null;
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
  dedicated_agent_id: string | null;
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
  shipping_address: Json<ShippingAddressValue | null>;
  credit_note: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface OrderReviewsTable {
  id: string;
  tenant_id: string;
  order_id: string;
  external_id: string;
  score: number;
  comment: string | null;
  language: string | null;
  intent: string | null;
  sentiment: number | null;
  reviewed_at: Timestamp;
  created_at: CreatedAt;
}

/** Where an order goes, as stored in `orders.shipping_address` and `order_changes.address`. */
export interface ShippingAddressValue {
  name: string;
  line1: string;
  line2?: string;
  city: string;
  postalCode: string;
  region?: string;
  country: string;
  phone?: string;
}

export interface OrderChangesTable {
  id: string;
  tenant_id: string;
  order_id: string;
  kind: 'address' | 'cancel';
  status: 'applied' | 'refused' | 'became_return';
  block: string | null;
  reason: string | null;
  address: Json<ShippingAddressValue | null>;
  previous_address: Json<ShippingAddressValue | null>;
  case_id: string | null;
  refund_ids: ColumnType<string[], string[] | undefined, string[]>;
  requested_by_type: string;
  requested_by_id: string | null;
  created_at: ColumnType<Date, Date | string | undefined, never>;
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
  /** Promised back by refunds; the database refuses more than `captured_minor`. */
  refunded_minor: Generated<number>;
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
  status: string | null;
  status_at: Timestamp | null;
  location: string | null;
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
  team_id: string | null;
  is_lead: Generated<boolean>;
  languages: Generated<string[]>;
  skills: Generated<string[]>;
  channels: Generated<string[]>;
  capacity: Generated<number>;
  presence: Generated<string>;
  last_assigned_at: Timestamp | null;
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
  category: string;
  complaint_type: string | null;
  subject: string | null;
  inbox_id: string | null;
  team_id: string | null;
  merged_into_id: string | null;
  arbitration_group: string | null;
  last_message_seq: Generated<number>;
  first_response_at: Timestamp | null;
  solved_at: Timestamp | null;
  sla_due_at: Timestamp | null;
  intent: string | null;
  intent_confirmed: Generated<boolean>;
  sentiment: number | null;
  emotions: Generated<string[]>;
  self_service: string | null;
  handed_off_at: Timestamp | null;
  parcel_number: Generated<string | null>;
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
  message_id: string | null;
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
  waybill_number: string | null;
  customer_carrier: Generated<string | null>;
  tracking_number: Generated<string | null>;
  shipped_at: Timestamp | null;
  received_at: Timestamp | null;
  created_at: CreatedAt;
  state: Generated<string>;
  carrier_id: string | null;
  warehouse_id: string | null;
  return_address: Json | null;
  postage_paid_by: string | null;
  pickup: Json | null;
  pickup_reference: string | null;
  attempts: Generated<number>;
  next_attempt_at: Timestamp | null;
  retry_until: Timestamp | null;
  last_error: string | null;
  issued_at: Timestamp | null;
}

export interface ReturnCarriersTable {
  id: string;
  tenant_id: string;
  code: string;
  name: string;
  adapter: string;
  url: string | null;
  secret: string | null;
  waybill_pointer: string | null;
  pickup_pointer: string | null;
  is_default: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface WarehousesTable {
  id: string;
  tenant_id: string;
  name: string;
  address_lines: string[];
  postal_code: string | null;
  city: string;
  country: string;
  serves_countries: Generated<string[]>;
  consolidation: Generated<boolean>;
  is_default: Generated<boolean>;
  carrier_id: string | null;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
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
  case_id: string | null;
  order_id: string | null;
  payment_id: string | null;
  customer_id: string | null;
  purpose: Generated<'refund' | 'compensation'>;
  amount_minor: number;
  currency: string;
  method: string;
  provider: string;
  status: RefundStatus;
  provider_refund_id: Generated<string | null>;
  attempts: Generated<number>;
  rounds: Generated<number>;
  next_attempt_at: Date | string | null;
  last_error: string | null;
  reference: Generated<string | null>;
  settled_at: Generated<Date | string | null>;
  idempotency_key: string;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Generated<Date | string>;
}

export type RefundStatus =
  | 'pending'
  | 'processing'
  | 'succeeded'
  | 'failed'
  | 'held'
  | 'awaiting_transfer'
  | 'cancelled';

export interface PaymentProvidersTable {
  tenant_id: string;
  provider: 'stripe';
  secret_key: string;
  created_at: CreatedAt;
  updated_at: Generated<Date | string>;
}

export interface StoreCreditEntriesTable {
  id: string;
  tenant_id: string;
  customer_id: string;
  currency: string;
  amount_minor: number;
  refund_id: string | null;
  note: string | null;
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

export interface TeamsTable {
  id: string;
  tenant_id: string;
  name: string;
  created_at: CreatedAt;
}

export interface BusinessCalendarsTable {
  id: string;
  tenant_id: string;
  name: string;
  spec: Json;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface TenantSettingsTable {
  tenant_id: string;
  key: string;
  value: Json;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface InboxesTable {
  id: string;
  tenant_id: string;
  channel: string;
  name: string;
  address: string | null;
  store_id: string | null;
  team_id: string | null;
  created_at: CreatedAt;
}

export interface CaseLinksTable {
  tenant_id: string;
  case_id: string;
  linked_case_id: string;
  relation: string;
  created_at: CreatedAt;
}

export interface MessagesTable {
  id: string;
  tenant_id: string;
  case_id: string;
  customer_id: string;
  seq: number;
  direction: string;
  channel: string;
  author_type: string;
  author_id: string | null;
  author_name: string | null;
  subject: string | null;
  body: string;
  original_body: string | null;
  language: string | null;
  automated: string | null;
  email_message_id: string | null;
  in_reply_to: string | null;
  email_references: Generated<string[]>;
  client_message_id: string | null;
  source_event_id: number | null;
  recipient: string | null;
  delivery_state: string | null;
  delivery_attempts: Generated<number>;
  next_attempt_at: Timestamp | null;
  delivery_error: string | null;
  sent_at: Timestamp | null;
  intent: string | null;
  intent_confidence: number | null;
  sentiment: number | null;
  emotions: Generated<string[]>;
  triage: Json | null;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}

export interface CaseClocksTable {
  tenant_id: string;
  case_id: string;
  metric: string;
  cycle: Generated<number>;
  state: string;
  target: Json;
  rule: string;
  started_at: Timestamp;
  due_at: Timestamp | null;
  warn_at: Timestamp | null;
  budget_minutes: number;
  remaining_minutes: number | null;
  paused_at: Timestamp | null;
  warned_at: Timestamp | null;
  breached_at: Timestamp | null;
  completed_at: Timestamp | null;
}

export interface SurveysTable {
  id: string;
  tenant_id: string;
  case_id: string;
  agent_id: string | null;
  token_hash: string;
  language: string;
  score: number | null;
  comment: string | null;
  sent_at: ColumnType<Date, Date | string | undefined, Date | string>;
  answered_at: Timestamp | null;
}

/** An agent's saved inbox filters (the inbox's query parameters). */
export interface SavedViewsTable {
  id: string;
  tenant_id: string;
  user_id: string;
  name: string;
  filters: Json<Record<string, string>>;
  created_at: CreatedAt;
}

export interface MacrosTable {
  id: string;
  tenant_id: string;
  name: string;
  category: string | null;
  variants: Json;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface JobCursorsTable {
  name: string;
  position: number;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

/** The database as Kysely sees it. Column names stay snake_case, as a DBA reads them. */
// Each area's tables live in their own file, so parallel work does not edit this one.
export interface Database extends RollupTables, QualityTables, ReportTables {
  tenants: TenantsTable;
  stores: StoresTable;
  customers: CustomersTable;
  orders: OrdersTable;
  order_reviews: OrderReviewsTable;
  order_lines: OrderLinesTable;
  payments: PaymentsTable;
  shipments: ShipmentsTable;
  order_changes: OrderChangesTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_keys: ApiKeysTable;
  policies: PoliciesTable;
  cases: CasesTable;
  case_items: CaseItemsTable;
  evidence_files: EvidenceFilesTable;
  decisions: DecisionsTable;
  return_shipments: ReturnShipmentsTable;
  return_carriers: ReturnCarriersTable;
  warehouses: WarehousesTable;
  inspections: InspectionsTable;
  refunds: RefundsTable;
  payment_providers: PaymentProvidersTable;
  store_credit_entries: StoreCreditEntriesTable;
  events: EventsTable;
  idempotency_keys: IdempotencyKeysTable;
  teams: TeamsTable;
  business_calendars: BusinessCalendarsTable;
  tenant_settings: TenantSettingsTable;
  inboxes: InboxesTable;
  case_links: CaseLinksTable;
  messages: MessagesTable;
  case_clocks: CaseClocksTable;
  surveys: SurveysTable;
  macros: MacrosTable;
  saved_views: SavedViewsTable;
  job_cursors: JobCursorsTable;
  triage_labels: TriageLabelsTable;
  triage_models: TriageModelsTable;
  knowledge_articles: KnowledgeArticlesTable;
  reply_promises: ReplyPromisesTable;
  tracking_events: TrackingEventsTable;
  customer_notices: CustomerNoticesTable;
  parcel_exceptions: ParcelExceptionsTable;
  inspection_items: InspectionItemsTable;
  webhook_subscriptions: WebhookSubscriptionsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  shop_integrations: ShopIntegrationsTable;
  shop_webhook_receipts: ShopWebhookReceiptsTable;
  payment_links: PaymentLinksTable;
  replacement_shipments: ReplacementShipmentsTable;
}

export interface TriageLabelsTable {
  tenant_id: string;
  message_id: string;
  task: string;
  label: string;
  labelled_by: string | null;
  created_at: Generated<Date>;
}

export interface TriageModelsTable {
  tenant_id: string;
  task: string;
  model: Uint8Array;
  summary: Json;
  trained_at: Generated<Date>;
}

export interface KnowledgeArticlesTable {
  id: string;
  tenant_id: string;
  language: string;
  title: string;
  body: string;
  intents: Generated<string[]>;
  published: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface ReplyPromisesTable {
  id: string;
  tenant_id: string;
  case_id: string;
  message_id: string;
  thing: string;
  phrase: string;
  due_at: Timestamp;
  state: Generated<string>;
  settled_at: Timestamp | null;
  created_at: Generated<Date>;
}

export interface TrackingEventsTable {
  id: string;
  tenant_id: string;
  shipment_id: string | null;
  carrier: string;
  tracking_number: string;
  status: string;
  occurred_at: Timestamp;
  location: string | null;
  received_at: Generated<Date>;
}

export interface CustomerNoticesTable {
  id: string;
  tenant_id: string;
  customer_id: string;
  order_id: string | null;
  shipment_id: string | null;
  kind: string;
  language: string;
  recipient: string;
  subject: string;
  body: string;
  delivery_state: Generated<string>;
  delivery_attempts: Generated<number>;
  next_attempt_at: Timestamp | null;
  delivery_error: string | null;
  sent_at: Timestamp | null;
  created_at: Generated<Date>;
}

export interface WebhookSubscriptionsTable {
  id: string;
  tenant_id: string;
  url: string;
  event_types: string[];
  secret: string;
  active: Generated<boolean>;
  created_at: CreatedAt;
}

export interface WebhookDeliveriesTable {
  id: string;
  tenant_id: string;
  subscription_id: string;
  event_id: number;
  event_type: string;
  stream_id: string;
  payload: Json;
  state: Generated<string>;
  attempts: Generated<number>;
  next_attempt_at: Timestamp | null;
  retry_until: Timestamp;
  last_status: number | null;
  last_response: string | null;
  last_error: string | null;
  sent_at: Timestamp | null;
  created_at: CreatedAt;
}

export interface ParcelExceptionsTable {
  id: string;
  tenant_id: string;
  case_id: string;
  order_id: string | null;
  carrier: string;
  tracking_number: string;
  reason: string;
  occurred_at: Timestamp;
  created_at: CreatedAt;
}

export interface InspectionItemsTable {
  id: string;
  tenant_id: string;
  inspection_id: string;
  case_id: string;
  case_item_id: string;
  result: string;
  grade: string | null;
  notes: string | null;
  evidence_ids: Generated<string[]>;
  disposition: string;
  received_quantity: number | null;
  received_sku: string | null;
  mismatch: string | null;
  created_at: CreatedAt;
}

export interface ShopIntegrationsTable {
  id: string;
  tenant_id: string;
  provider: string;
  shop_domain: string;
  webhook_secret: string;
  store_code: string | null;
  max_delivery_age_seconds: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface ShopWebhookReceiptsTable {
  tenant_id: string;
  integration_id: string;
  webhook_id: string;
  topic: string;
  triggered_at: Timestamp;
  received_at: Generated<Date>;
  outcome: string;
}

export interface PaymentLinksTable {
  id: string;
  tenant_id: string;
  case_id: string;
  customer_id: string;
  amount_minor: number;
  currency: string;
  lines: Json<{ code: string; amountMinor: number }[]>;
  token: string;
  url: string;
  status: Generated<'open' | 'paid' | 'cancelled'>;
  reference: string | null;
  paid_at: Timestamp | null;
  created_at: CreatedAt;
  updated_at: Generated<Date | string>;
}

export interface ReplacementShipmentsTable {
  id: string;
  tenant_id: string;
  case_id: string;
  lines: Json<{ caseItemId: string; sku: string; quantity: number; attributes: Record<string, string> }[]>;
  carrier: string | null;
  tracking_number: string | null;
  status: Generated<'reserved' | 'shipped' | 'failed'>;
  failure_reason: string | null;
  reserved_at: Timestamp;
  shipped_at: Timestamp | null;
  failed_at: Timestamp | null;
  created_at: CreatedAt;
}

export type CaseRow = Selectable<CasesTable>;
export type NewEvent = Insertable<EventsTable>;
