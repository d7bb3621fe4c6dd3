export * from './catalog';
export * from './dlq';
export * from './envelope';
