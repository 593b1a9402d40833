export * from './request';
export * from './paginate';
export * from './url';
export { explainNetworkError, serverText } from './errors';
export { squadusAnonymousPost } from './anonymous';
