export * from './request';
export * from './paginate';
export * from './url';
