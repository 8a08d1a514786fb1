export * from './organization.js';
export * from './platform.js';
