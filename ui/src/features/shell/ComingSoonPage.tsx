import { Page } from './Page';

/** Stands in for a feature that is not built yet. */
export default function ComingSoonPage({ title }: { title: string }) {
  return (
    <Page title={title}>
      <p>Coming in a later release.</p>
    </Page>
  );
}
