export { createBothubClient } from './create-bothub-client.js';
export type { ApiBody, ApiData, BothubClient, BothubClientOptions, DataMethod } from './create-bothub-client.js';
export { BothubApiError } from './bothub-api-error.js';
export type { ErrorBody } from './bothub-api-error.js';
export type { components, paths } from './generated/api-types.js';
