export * from './authentication';
export * from './locators';
export * from './pagination';
