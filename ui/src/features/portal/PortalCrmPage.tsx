import { useCallback } from 'react';
import { call } from '../../api/result';
import { useApi } from '../auth/session';
import { RecordList, type RecordDetail } from '../records/RecordList';
import { dataText, type RecordQuery } from '../records/syncedRecords';
import { Page } from '../shell/Page';

const DETAILS: RecordDetail[] = [
  { label: 'Email', value: (record) => dataText(record, 'email') },
  { label: 'Company', value: (record) => dataText(record, 'company') },
];

/** The client portal's CRM: the contacts of the tenant's CRMs (FluentCRM, Zoho CRM, HubSpot), as last synced. */
export default function PortalCrmPage({ title }: { title: string }) {
  const api = useApi();
  const load = useCallback(
    (query: RecordQuery, signal: AbortSignal) =>
      call('Loading the contacts', api.GET('/api/portal/crm', { params: { query }, signal })),
    [api],
  );

  return (
    <Page title={title}>
      <p className="page-intro">The contacts of your CRMs (FluentCRM, Zoho CRM, HubSpot), as they were when last synced.</p>
      <RecordList
        load={load}
        searchLabel="Search contacts"
        searchPlaceholder="Search names and emails…"
        failureTitle="The contacts could not be loaded"
        loadingText="Loading contacts…"
        emptyText="Nothing synced yet: an editor syncs a CRM connection's contacts."
        testIds={{ search: 'portal-search', row: 'portal-row', pager: 'portal' }}
        details={DETAILS}
      />
    </Page>
  );
}
