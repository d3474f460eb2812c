import { useCallback } from 'react';
import { call } from '../../api/result';
import { useApi } from '../auth/session';
import { RecordList } from '../records/RecordList';
import type { RecordQuery, SyncedRecord } from '../records/syncedRecords';
import { Page } from '../shell/Page';

/** What the Type column says for each WordPress resource. */
const TYPES: Record<string, string> = { pages: 'Page', posts: 'Post' };

const typeOf = (record: SyncedRecord) => TYPES[record.resource] ?? record.resource;

/** The client portal's CMS: the pages and posts of the tenant's WordPress sites, as last synced. */
export default function PortalCmsPage({ title }: { title: string }) {
  const api = useApi();
  const load = useCallback(
    (query: RecordQuery, signal: AbortSignal) =>
      call('Loading the pages and posts', api.GET('/api/portal/cms', { params: { query }, signal })),
    [api],
  );

  return (
    <Page title={title}>
      <p className="page-intro">
        The pages and posts of your WordPress sites, as they were when last synced. A title opens the page on the
        site in a new tab.
      </p>
      <RecordList
        load={load}
        searchLabel="Search pages and posts"
        failureTitle="The pages and posts could not be loaded"
        loadingText="Loading pages and posts…"
        emptyText="Nothing synced yet: an editor syncs a WordPress connection's pages and posts."
        testIds={{ search: 'portal-search', row: 'portal-row', pager: 'portal' }}
        typeOf={typeOf}
      />
    </Page>
  );
}
