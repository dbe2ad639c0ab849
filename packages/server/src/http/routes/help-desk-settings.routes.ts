import {
  CalendarInput,
  CalendarView,
  ForbiddenPhrasesInput,
  ForbiddenPhrasesView,
  HelpDeskSettingsPatch,
  HelpDeskSettingsView,
  Problem,
  SlaPolicyInput,
  SlaPolicyView,
  StoreCalendarInput,
  StoreCalendarView,
  StoreList,
  Uuid,
} from '@afterdesk/contract';
import { Type } from '@sinclair/typebox';
import { assignStoreCalendar } from '../../app/calendars/assign-store-calendar.js';
import { createCalendar } from '../../app/calendars/create-calendar.js';
import { deleteCalendar } from '../../app/calendars/delete-calendar.js';
import { getCalendar } from '../../app/calendars/get-calendar.js';
import { listCalendars } from '../../app/calendars/list-calendars.js';
import { updateCalendar } from '../../app/calendars/update-calendar.js';
import { getForbiddenPhrases } from '../../app/settings/get-forbidden-phrases.js';
import { getHelpDeskSettings } from '../../app/settings/get-help-desk-settings.js';
import { getSlaPolicy } from '../../app/settings/get-sla-policy.js';
import { updateForbiddenPhrases } from '../../app/settings/update-forbidden-phrases.js';
import { updateHelpDeskSettings } from '../../app/settings/update-help-desk-settings.js';
import { updateSlaPolicy } from '../../app/settings/update-sla-policy.js';
import { listStores } from '../../app/stores/list-stores.js';
import { ctxOf } from '../auth.js';
import type { Routes } from './routes.js';

const tags = ['help desk'];
const Reads = { 400: Problem, 401: Problem, 403: Problem, 404: Problem };
const Writes = { ...Reads, 409: Problem };
const CalendarParams = Type.Object({ calendarId: Uuid });

/** Service levels, forbidden phrases, help-desk settings and business calendars. */
export const helpDeskSettingsRoutes: Routes = (app, services) => {
  app.get(
    '/settings/sla-policy',
    {
      schema: {
        tags,
        summary: 'The SLA policy (the default until one is stored)',
        response: { 200: SlaPolicyView, ...Reads },
      },
    },
    (request) => getSlaPolicy(ctxOf(services, request)),
  );
  app.put(
    '/settings/sla-policy',
    {
      schema: {
        tags,
        summary: 'Replace the SLA policy (checked; running clocks keep their targets)',
        body: SlaPolicyInput,
        response: { 200: SlaPolicyView, ...Writes },
      },
    },
    (request) => updateSlaPolicy(ctxOf(services, request), request.body.policy),
  );

  app.get(
    '/settings/forbidden-phrases',
    {
      schema: {
        tags,
        summary: 'Phrases replies are checked for (the built-in list until one is stored)',
        response: { 200: ForbiddenPhrasesView, ...Reads },
      },
    },
    (request) => getForbiddenPhrases(ctxOf(services, request)),
  );
  app.put(
    '/settings/forbidden-phrases',
    {
      schema: {
        tags,
        summary: 'Replace the list of forbidden phrases',
        body: ForbiddenPhrasesInput,
        response: { 200: ForbiddenPhrasesView, ...Writes },
      },
    },
    (request) => updateForbiddenPhrases(ctxOf(services, request), request.body.phrases),
  );

  app.get(
    '/settings/help-desk',
    {
      schema: {
        tags,
        summary: 'Help-desk settings, defaults filled in',
        response: { 200: HelpDeskSettingsView, ...Reads },
      },
    },
    (request) => getHelpDeskSettings(ctxOf(services, request)),
  );
  app.patch(
    '/settings/help-desk',
    {
      schema: {
        tags,
        summary: 'Change some help-desk settings',
        body: HelpDeskSettingsPatch,
        response: { 200: HelpDeskSettingsView, ...Writes },
      },
    },
    (request) => updateHelpDeskSettings(ctxOf(services, request), request.body),
  );

  app.get(
    '/calendars',
    {
      schema: {
        tags,
        summary: 'Business calendars',
        response: { 200: Type.Object({ items: Type.Array(CalendarView) }), ...Reads },
      },
    },
    (request) => listCalendars(ctxOf(services, request)),
  );
  app.post(
    '/calendars',
    {
      schema: {
        tags,
        summary: 'Add a business calendar (working hours, time zone, holidays, closures)',
        body: CalendarInput,
        response: { 201: CalendarView, ...Writes },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createCalendar(ctxOf(services, request), request.body)),
  );
  app.get(
    '/calendars/:calendarId',
    {
      schema: {
        tags,
        summary: 'One business calendar',
        params: CalendarParams,
        response: { 200: CalendarView, ...Reads },
      },
    },
    (request) => getCalendar(ctxOf(services, request), request.params.calendarId),
  );
  app.put(
    '/calendars/:calendarId',
    {
      schema: {
        tags,
        summary: "Replace a calendar's name and spec",
        params: CalendarParams,
        body: CalendarInput,
        response: { 200: CalendarView, ...Writes },
      },
    },
    (request) => updateCalendar(ctxOf(services, request), request.params.calendarId, request.body),
  );
  app.delete(
    '/calendars/:calendarId',
    {
      schema: {
        tags,
        summary: 'Delete a calendar (its stores go back to the default hours)',
        params: CalendarParams,
        response: { 204: Type.Null(), ...Writes },
      },
    },
    async (request, reply) => {
      await deleteCalendar(ctxOf(services, request), request.params.calendarId);
      return reply.code(204).send(null);
    },
  );
  app.get(
    '/stores',
    {
      schema: {
        tags,
        summary: 'The stores: country, currency, time zone, languages and service-level calendar',
        response: { 200: StoreList, 401: Problem, 403: Problem },
      },
    },
    (request) => listStores(ctxOf(services, request)),
  );
  app.put(
    '/stores/:storeId/calendar',
    {
      schema: {
        tags,
        summary: "Choose the calendar a store's service levels run on",
        params: Type.Object({ storeId: Uuid }),
        body: StoreCalendarInput,
        response: { 200: StoreCalendarView, ...Writes },
      },
    },
    (request) =>
      assignStoreCalendar(ctxOf(services, request), request.params.storeId, request.body.calendarId),
  );
};
