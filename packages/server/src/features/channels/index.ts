export { createChannelService } from './service.js';
export type { ChannelDeps, ChannelService } from './service.js';
export type { ChannelRules } from './check-channel-spec.js';
export { channelRoutes } from './routes.js';
