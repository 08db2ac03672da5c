// A user's link to a detected event as the sidecar stores it: the event's articles are kept relative to the
// annotated article's folder (the sidecar is shared through git, where absolute paths differ), and turned back into
// the index's paths to find the event again (core/events/refind.ts) when a hover asks.
import * as path from 'path';
import * as vscode from 'vscode';
import { eventLinkOf, EventLinkRecord } from '../../core/events/refind';
import type { EventCluster } from '../../core/model';
import type { LinkedEvent } from '../../core/sidecar/annotationData';
import type { CorpusClient } from '../corpusClient';
import type { FoundEventInfo } from '../pure/protocol';

/** How long a hover waits for the worker's answer before it shows the link as stored. */
const FIND_TIMEOUT_MS = 500;

function folderOf(annotated: string): vscode.Uri {
  return vscode.Uri.joinPath(vscode.Uri.parse(annotated), '..');
}

/** The link to store for `cluster`, made from the article `annotated` (an index path, a URI string). */
export function linkedEventFor(cluster: EventCluster, annotated: string): LinkedEvent {
  const record = eventLinkOf(cluster);
  const dir = folderOf(annotated);
  const articles = (record.articles ?? []).map((p) => {
    const u = vscode.Uri.parse(p);
    const sameRoot = u.scheme === dir.scheme && u.authority === dir.authority;
    return sameRoot ? path.posix.relative(dir.path, u.path) : p;
  });
  return { id: record.id, label: record.name ?? record.id, date: record.date, place: record.place, articles };
}

/** The stored link with its articles as the index names them. */
export function indexLink(event: LinkedEvent, annotated: string): EventLinkRecord {
  const dir = folderOf(annotated);
  const articles = event.articles?.map((p) =>
    /^[a-z][\w+.-]*:\/\//i.test(p) ? p : vscode.Uri.joinPath(dir, ...p.split('/')).toString(),
  );
  return { id: event.id, name: event.label, date: event.date, place: event.place, articles };
}

/**
 * The event a link points at now, for a hover: undefined for an event the user named (`user:` ids are not the
 * folder's) or when the worker does not answer in time; null when no event answers the link.
 */
export async function linkedEventNow(
  client: CorpusClient,
  event: LinkedEvent,
  annotated: string,
): Promise<FoundEventInfo | null | undefined> {
  if (event.id.startsWith('user:')) return undefined;
  const asked = client.request('findEvent', { link: indexLink(event, annotated), path: annotated });
  const late = new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), FIND_TIMEOUT_MS));
  try {
    return await Promise.race([asked, late]);
  } catch {
    return undefined;
  }
}
