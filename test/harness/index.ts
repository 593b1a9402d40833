export * from './run-workflow';
export * from './credentials-helper';
export * from './node-types';
export * from './workflow-builder';
export * from './credential-test';
export * from './load-options';
export * from './run-trigger';
