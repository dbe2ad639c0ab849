import {
  AlertsQuery,
  AlertView,
  CustomerRiskView,
  ForecastQuery,
  ForecastView,
  Problem,
  RiskCustomersQuery,
  RiskOrdersQuery,
  RiskOrderView,
  RiskSettings,
  RiskSettingsInput,
  Uuid,
} from '@afterdesk/contract';
import { Type } from '@sinclair/typebox';
import { acknowledgeQualityAlert } from '../../app/quality/acknowledge-quality-alert.js';
import { detectQualityAlerts } from '../../app/quality/detect-quality-alerts.js';
import { forecastCategories } from '../../app/quality/forecast-categories.js';
import { getRiskSettings } from '../../app/quality/get-risk-settings.js';
import { listQualityAlerts } from '../../app/quality/list-quality-alerts.js';
import { getCustomerRisk, listRiskyCustomers } from '../../app/quality/list-risky-customers.js';
import { listRiskyOrders } from '../../app/quality/list-risky-orders.js';
import { updateRiskSettings } from '../../app/quality/update-risk-settings.js';
import { ctxOf } from '../auth.js';
import type { Routes } from './routes.js';

const tags = ['analytics'];
const Reads = { 400: Problem, 401: Problem, 403: Problem, 404: Problem };
const Writes = { ...Reads, 409: Problem };
const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });

/** Routes for forecasts, early-warning alerts and risk (issue 6). Methods: docs/quality.md. */
export const qualityRoutes: Routes = (app, services) => {
  app.get(
    '/analytics/forecast',
    {
      schema: {
        tags,
        summary:
          'Weekly units returned, return rate and orders per category, with an 8-week forecast and intervals',
        querystring: ForecastQuery,
        response: { 200: ForecastView, ...Reads },
      },
    },
    (request) => forecastCategories(ctxOf(services, request), request.query),
  );

  app.get(
    '/analytics/alerts',
    {
      schema: {
        tags,
        summary: 'Early warnings: return-rate spikes and complaint clusters, newest week first',
        querystring: AlertsQuery,
        response: {
          200: Type.Object({
            items: Type.Array(AlertView),
            nextCursor: Type.Union([Type.String(), Type.Null()]),
          }),
          ...Reads,
        },
      },
    },
    (request) => listQualityAlerts(ctxOf(services, request), request.query),
  );
  app.post(
    '/analytics/alerts/detect',
    {
      schema: {
        tags,
        summary: 'Test a week now (default: the last complete week), as the daily job does',
        body: Type.Optional(Type.Object({ week: Type.Optional(Day) }, { additionalProperties: false })),
        response: {
          200: Type.Object({
            week: Day,
            baselineFrom: Day,
            tested: Type.Record(Type.String(), Type.Integer()),
            alerts: Type.Integer(),
          }),
          ...Writes,
        },
      },
    },
    (request) =>
      detectQualityAlerts(ctxOf(services, request), {
        ...(request.body?.week ? { week: request.body.week } : {}),
      }),
  );
  app.post(
    '/analytics/alerts/:alertId/acknowledge',
    {
      schema: {
        tags,
        summary: 'Acknowledge an alert: someone owns the follow-up',
        params: Type.Object({ alertId: Uuid }),
        response: { 200: AlertView, ...Writes },
      },
    },
    (request) => acknowledgeQualityAlert(ctxOf(services, request), request.params.alertId),
  );

  app.get(
    '/analytics/risk/orders',
    {
      schema: {
        tags,
        summary: 'High-risk orders placed in the period (R-13.2), with their reasons',
        querystring: RiskOrdersQuery,
        response: {
          200: Type.Object({
            from: Day,
            to: Day,
            items: Type.Array(RiskOrderView),
            nextCursor: Type.Union([Type.String(), Type.Null()]),
          }),
          ...Reads,
        },
      },
    },
    (request) => listRiskyOrders(ctxOf(services, request), request.query),
  );
  app.get(
    '/analytics/risk/customers',
    {
      schema: {
        tags,
        summary: 'Customers who asked for returns in the period, by abuse score (top N), with reasons',
        querystring: RiskCustomersQuery,
        response: {
          200: Type.Object({
            from: Day,
            to: Day,
            candidates: Type.Integer(),
            items: Type.Array(CustomerRiskView),
          }),
          ...Reads,
        },
      },
    },
    (request) => listRiskyCustomers(ctxOf(services, request), request.query),
  );
  app.get(
    '/analytics/risk/customers/:customerId',
    {
      schema: {
        tags,
        summary: "One customer's abuse score over their whole history, with reasons",
        params: Type.Object({ customerId: Uuid }),
        response: { 200: CustomerRiskView, ...Reads },
      },
    },
    (request) => getCustomerRisk(ctxOf(services, request), request.params.customerId),
  );
  app.get(
    '/analytics/risk-settings',
    {
      schema: {
        tags,
        summary: 'Risk thresholds, defaults filled in',
        response: { 200: RiskSettings, ...Reads },
      },
    },
    (request) => getRiskSettings(ctxOf(services, request)),
  );
  app.put(
    '/analytics/risk-settings',
    {
      schema: {
        tags,
        summary: 'Replace the risk thresholds (fields left out take their defaults)',
        body: RiskSettingsInput,
        response: { 200: RiskSettings, ...Writes },
      },
    },
    (request) => updateRiskSettings(ctxOf(services, request), request.body),
  );
};
