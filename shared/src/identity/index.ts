export * from './viewer';
export * from './caller-token';
export * from './identity-assertion';
export {
  gatewayPrivateKey,
  gatewayPublicKey,
  importPrivateKey,
  importPublicKey,
  isDevelopmentKey,
  readDevKeyPem,
} from './dev-keys';
