export * from './organization.js';
export * from './platform.js';
export * from './volunteer-profiles.js';
export * from './teams-party.js';
export * from './imports.js';
export * from './demands.js';
export * from './recovery.js';
