// The one import of Cedar's WebAssembly build: its Node.js flavour loads the .wasm file beside itself, which
// is why next.config.ts and the CLI bundle keep the package external.
export * as cedar from "@cedar-policy/cedar-wasm/nodejs";
export type { AuthorizationAnswer, DetailedError, EntityJson, PolicyJson, CedarValueJson } from "@cedar-policy/cedar-wasm/nodejs";
