// Options of the Remix Vite plugin. vite.config.ts imports this file and passes it to
// vitePlugin(); the plugin does not read it by itself.

/** @type {import("@remix-run/dev").VitePluginConfig} */
const remixConfig = {
  appDirectory: "app",
  ignoredRouteFiles: ["**/*.test.*", "**/.*"],
  // Every v3 flag on, so the move to React Router 7 is a codemod.
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_singleFetch: true,
    v3_lazyRouteDiscovery: true,
    v3_routeConfig: true,
  },
};

export default remixConfig;
