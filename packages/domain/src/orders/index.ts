export * from './timeline';
export * from './totals';
export * from './transitions';
export * from './ttl';
