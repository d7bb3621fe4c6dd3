export * from './catalog';
export * from './compliance';
export * from './cron';
export * from './eventing';
export * from './identity';
export * from './platform';
