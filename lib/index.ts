export * from './gm11';
export * from './agglomeration';
export * from './growth';
export * from './charts';
export * from './version';
export * from './reproduction';
