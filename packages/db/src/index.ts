export * from './client';
export * from './errors';
export * from './queries/identity';
export * as schema from './schema';
export * from './schema';
