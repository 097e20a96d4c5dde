/// <reference types="vite/client" />

/** The release the app was built from (vite.config.ts): names the service-worker caches. */
declare const __HL_RELEASE__: string;
