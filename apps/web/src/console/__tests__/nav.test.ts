import { describe, expect, it } from 'vitest';
import type { Role } from '@duodi/contracts';
import { navFor } from '../nav';

const sections = (...roles: Role[]) => navFor(roles).map((item) => item.section);

describe(navFor.name, () => {
  it('gives a street admin every section of the street', () => {
    expect(sections('street_admin')).toEqual([
      'dashboard',
      'communities',
      'teams',
      'volunteers',
      'residents',
      'imports',
      'partyReports',
      'partyMembers',
      'units',
      'deletionRequests',
      'recoveryRequests',
      'dispatchBoard',
      'demands',
      'dispatchSuggestions',
      'serviceMenu',
      'activities',
      'campaigns',
      'verification',
      'manualRecords',
      'corrections',
      'pointRules',
      'rewardsAdmin',
      'stars',
      'certificates',
      'reports',
      'auditLog',
      'me',
    ]);
  });

  it('gives a community admin party reports and deletion requests, but not the units’ party-member report', () => {
    const community = sections('community_admin');
    expect(community).toContain('partyReports');
    expect(community).toContain('deletionRequests');
    expect(community).toContain('recoveryRequests');
    expect(community).not.toContain('partyMembers');
    expect(community).toEqual(expect.arrayContaining(['dispatchBoard', 'demands', 'dispatchSuggestions', 'serviceMenu']));
    expect(community).toEqual(
      expect.arrayContaining(['verification', 'manualRecords', 'corrections', 'rewardsAdmin', 'stars', 'certificates']),
    );
  });

  it('shows a unit admin the unit report and nothing about residents', () => {
    expect(sections('unit_admin')).toEqual(['dashboard', 'communities', 'teams', 'partyMembers', 'units', 'reports', 'me']);
  });

  it('keeps residents, imports and privacy work away from a team leader', () => {
    expect(sections('team_leader', 'volunteer')).toEqual([
      'dashboard',
      'communities',
      'teams',
      'volunteers',
      'dispatchBoard',
      'demands',
      'dispatchSuggestions',
      'activities',
      'campaigns',
      'verification',
      'manualRecords',
      'corrections',
      'me',
    ]);
  });

  it('lets a grid worker import lists for their grid', () => {
    expect(sections('grid_worker')).toEqual([
      'dashboard',
      'communities',
      'teams',
      'volunteers',
      'residents',
      'imports',
      'dispatchBoard',
      'demands',
      'campaigns',
      'me',
    ]);
  });
});
