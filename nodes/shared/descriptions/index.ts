export * from './authentication';
export * from './filters';
export * from './locators';
export * from './meeting';
export * from './node';
export * from './options';
export * from './pagination';
export * from './batching';
