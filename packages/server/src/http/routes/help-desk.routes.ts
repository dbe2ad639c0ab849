import {
  AgentInput,
  AgentProfilePatch,
  AgentView,
  InboxInput,
  InboxPatch,
  InboxView,
  MacroInput,
  MacroView,
  PresenceInput,
  Problem,
  TeamInput,
  TeamView,
  Uuid,
} from '@afterdesk/contract';
import { type TSchema, Type } from '@sinclair/typebox';
import { createAgent } from '../../app/agents/create-agent.js';
import { listAgents } from '../../app/agents/list-agents.js';
import { setOwnPresence } from '../../app/agents/set-own-presence.js';
import { updateAgentProfile } from '../../app/agents/update-agent-profile.js';
import { createInbox } from '../../app/inboxes/create-inbox.js';
import { deleteInbox } from '../../app/inboxes/delete-inbox.js';
import { getInbox } from '../../app/inboxes/get-inbox.js';
import { listInboxes } from '../../app/inboxes/list-inboxes.js';
import { updateInbox } from '../../app/inboxes/update-inbox.js';
import { createMacro } from '../../app/macros/create-macro.js';
import { deleteMacro } from '../../app/macros/delete-macro.js';
import { getMacro } from '../../app/macros/get-macro.js';
import { listMacros } from '../../app/macros/list-macros.js';
import { updateMacro } from '../../app/macros/update-macro.js';
import { createTeam } from '../../app/teams/create-team.js';
import { listTeams } from '../../app/teams/list-teams.js';
import { renameTeam } from '../../app/teams/rename-team.js';
import { ctxOf } from '../auth.js';
import { helpDeskSettingsRoutes } from './help-desk-settings.routes.js';
import type { Routes } from './routes.js';

const tags = ['help desk'];
const Reads = { 400: Problem, 401: Problem, 403: Problem, 404: Problem };
const Writes = { ...Reads, 409: Problem };
const List = (item: TSchema) => Type.Object({ items: Type.Array(item) });
const Deleted = { 204: Type.Null(), ...Writes };
const MacroParams = Type.Object({ macroId: Uuid });
const InboxParams = Type.Object({ inboxId: Uuid });

/**
 * The help desk's set-up: settings and calendars, teams, agents' routing profiles, macros
 * and inboxes. Agents read it (the console needs it); managers change it.
 */
export const helpDeskRoutes: Routes = (app, services) => {
  helpDeskSettingsRoutes(app, services);

  app.get(
    '/teams',
    { schema: { tags, summary: 'Teams', response: { 200: List(TeamView), ...Reads } } },
    (request) => listTeams(ctxOf(services, request)),
  );
  app.post(
    '/teams',
    { schema: { tags, summary: 'Add a team', body: TeamInput, response: { 201: TeamView, ...Writes } } },
    async (request, reply) => reply.code(201).send(await createTeam(ctxOf(services, request), request.body)),
  );
  app.patch(
    '/teams/:teamId',
    {
      schema: {
        tags,
        summary: 'Rename a team',
        params: Type.Object({ teamId: Uuid }),
        body: TeamInput,
        response: { 200: TeamView, ...Writes },
      },
    },
    (request) => renameTeam(ctxOf(services, request), request.params.teamId, request.body),
  );

  app.get(
    '/agents',
    {
      schema: {
        tags,
        summary: 'Agents with their routing profile and open cases',
        response: { 200: List(AgentView), ...Reads },
      },
    },
    (request) => listAgents(ctxOf(services, request)),
  );
  app.post(
    '/agents',
    {
      schema: {
        tags,
        summary: 'Add an agent who logs in with e-mail and password (admins)',
        body: AgentInput,
        response: { 201: AgentView, ...Writes },
      },
    },
    async (request, reply) => reply.code(201).send(await createAgent(ctxOf(services, request), request.body)),
  );
  app.put(
    '/agents/me/presence',
    {
      schema: {
        tags,
        summary: 'Set your own presence (only online agents get new cases)',
        body: PresenceInput,
        response: { 200: AgentView, ...Reads },
      },
    },
    (request) => setOwnPresence(ctxOf(services, request), request.body.presence),
  );
  app.patch(
    '/agents/:userId',
    {
      schema: {
        tags,
        summary: "Change an agent's routing profile (team, languages, skills, channels, capacity, presence)",
        params: Type.Object({ userId: Uuid }),
        body: AgentProfilePatch,
        response: { 200: AgentView, ...Writes },
      },
    },
    (request) => updateAgentProfile(ctxOf(services, request), request.params.userId, request.body),
  );

  app.get(
    '/macros',
    { schema: { tags, summary: 'Macros (standard replies)', response: { 200: List(MacroView), ...Reads } } },
    (request) => listMacros(ctxOf(services, request)),
  );
  app.post(
    '/macros',
    {
      schema: {
        tags,
        summary: 'Add a macro in one or more languages',
        body: MacroInput,
        response: { 201: MacroView, ...Writes },
      },
    },
    async (request, reply) => reply.code(201).send(await createMacro(ctxOf(services, request), request.body)),
  );
  app.get(
    '/macros/:macroId',
    { schema: { tags, summary: 'One macro', params: MacroParams, response: { 200: MacroView, ...Reads } } },
    (request) => getMacro(ctxOf(services, request), request.params.macroId),
  );
  app.put(
    '/macros/:macroId',
    {
      schema: {
        tags,
        summary: 'Replace a macro',
        params: MacroParams,
        body: MacroInput,
        response: { 200: MacroView, ...Writes },
      },
    },
    (request) => updateMacro(ctxOf(services, request), request.params.macroId, request.body),
  );
  app.delete(
    '/macros/:macroId',
    { schema: { tags, summary: 'Delete a macro', params: MacroParams, response: Deleted } },
    async (request, reply) => {
      await deleteMacro(ctxOf(services, request), request.params.macroId);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/inboxes',
    {
      schema: {
        tags,
        summary: 'Inboxes: e-mail addresses, chat widgets, web forms',
        response: { 200: List(InboxView), ...Reads },
      },
    },
    (request) => listInboxes(ctxOf(services, request)),
  );
  app.post(
    '/inboxes',
    {
      schema: {
        tags,
        summary: 'Add an inbox (e-mail addresses are unique across all tenants)',
        body: InboxInput,
        response: { 201: InboxView, ...Writes },
      },
    },
    async (request, reply) => reply.code(201).send(await createInbox(ctxOf(services, request), request.body)),
  );
  app.get(
    '/inboxes/:inboxId',
    { schema: { tags, summary: 'One inbox', params: InboxParams, response: { 200: InboxView, ...Reads } } },
    (request) => getInbox(ctxOf(services, request), request.params.inboxId),
  );
  app.patch(
    '/inboxes/:inboxId',
    {
      schema: {
        tags,
        summary: "Change an inbox's name, address, store or team",
        params: InboxParams,
        body: InboxPatch,
        response: { 200: InboxView, ...Writes },
      },
    },
    (request) => updateInbox(ctxOf(services, request), request.params.inboxId, request.body),
  );
  app.delete(
    '/inboxes/:inboxId',
    {
      schema: {
        tags,
        summary: 'Delete an inbox no case came in through',
        params: InboxParams,
        response: Deleted,
      },
    },
    async (request, reply) => {
      await deleteInbox(ctxOf(services, request), request.params.inboxId);
      return reply.code(204).send(null);
    },
  );
};
