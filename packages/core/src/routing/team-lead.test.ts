import { describe, expect, it } from 'vitest';
import { agent } from './routing.test-helpers.js';
import { teamLeadOf } from './team-lead.js';

describe('teamLeadOf', () => {
  const roster = [
    agent('jonas', { teamId: 'eu' }),
    agent('petra', { teamId: 'eu', isLead: true, presence: 'offline' }),
    agent('marco', { teamId: 'eu', isLead: true, presence: 'away' }),
    agent('wei', { teamId: 'cn', isLead: true, presence: 'online' }),
    agent('head', { teamId: null, isLead: true, presence: 'offline' }),
  ];

  it('escalates to an online lead of the team first', () => {
    expect(teamLeadOf('eu', [...roster, agent('sofia', { teamId: 'eu', isLead: true })])).toBe('sofia');
  });

  it('falls back to a lead who is away, then to one who is offline: an escalation must land somewhere', () => {
    expect(teamLeadOf('eu', roster)).toBe('marco');
    expect(
      teamLeadOf(
        'eu',
        roster.filter((a) => a.id !== 'marco'),
      ),
    ).toBe('petra');
  });

  it('never escalates to an agent who is not a lead, or to another team', () => {
    expect(teamLeadOf('us', roster)).toBeNull();
    expect(
      teamLeadOf('eu', [agent('jonas', { teamId: 'eu' }), agent('wei', { teamId: 'cn', isLead: true })]),
    ).toBeNull();
  });

  it('escalates cases no team owns to the leads without a team', () => {
    expect(teamLeadOf(null, roster)).toBe('head');
  });

  it('picks among equally present leads by id, whatever the roster order', () => {
    const leads = [agent('b', { isLead: true }), agent('a', { isLead: true })];
    expect(teamLeadOf('support', leads)).toBe('a');
    expect(teamLeadOf('support', [...leads].reverse())).toBe('a');
  });
});
