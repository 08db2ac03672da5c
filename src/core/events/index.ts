// Event mentions (trigger, date, place, participants) linked across articles into events; conflicting dates or
// places veto a link, because a wrong link misleads the reader. This file is the folder's public API.
export { clusterEvents, clusterEventsSteps } from './cluster';
export { detectEvents, EVENT_SCOPE, findEventMentions, leadOf, resolveEvents } from './mentions';
export type { EventMention } from './mentions';
export type { ArticleEvents } from './stored';
export { placesCompatible } from './places';
export { CLUSTER_DEFAULTS } from './settings';
export type { ClusterOptions, ClusterSettings } from './settings';
export type { FolderStats } from './similarity';
