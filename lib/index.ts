export * from './gm11';
export * from './agglomeration';
export * from './growth';
