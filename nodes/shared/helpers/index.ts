export * from './locators';
export * from './validation';
