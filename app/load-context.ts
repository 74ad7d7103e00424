/** What the Express layer hands every loader and action (see app/http/app.server.ts). */
declare module "@remix-run/node" {
  interface AppLoadContext {
    /** Per-request nonce the Content-Security-Policy allows scripts with. */
    cspNonce: string;
    /** The client's address: the socket's, or the proxy's report when TRUST_PROXY says so. */
    clientIp: string;
  }
}

export {};
