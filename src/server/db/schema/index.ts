export * from './geo';
export * from './reference';
export * from './indicators';
export * from './system';
export * from './identity';
export * from './organisations';
