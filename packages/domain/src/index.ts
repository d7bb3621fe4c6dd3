export * from './address';
export * from './contracts/auth';
export * from './contracts/store';
export * from './errors';
export * from './identity';
export * from './permissions';
export * from './ports';
export * from './text';
