export * from './errors.js';
export * from './enums.js';
export * from './schemas.js';
export * from './mask.js';
export * from './id-number.js';
export * from './people.js';
export * from './teams.js';
export * from './residents.js';
