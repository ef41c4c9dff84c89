// @ts-check
// Request headers only the front door writes (any a client sends are replaced): the app reads
// the client's address and the request id from them.

export const CLIENT_ADDRESS_HEADER = 'x-teamcal-client';
export const REQUEST_ID_HEADER = 'x-request-id';
