export * from './changes';
export * from './listing';
export * from './payments-port';
export * from './statuses';
