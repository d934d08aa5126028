import { Alert } from './ui/alert';
import { Button } from './ui/button';
import { EmptyState } from './ui/empty-state';
import type { ApiError } from '@autocase/web-client';

/** How a page shows a failed load: a 404 means this API does not offer the feature (yet); anything else can be retried. */
export function ResourceError({ error, feature, onRetry }: { error: ApiError; feature: string; onRetry: () => void }) {
  if (error.isNotFound) {
    return (
      <EmptyState
        title="Not available on this server yet"
        description={`The Autocase API answered 404 for ${feature}. Update the API, then check again.`}
        action={<Button onClick={onRetry}>Check again</Button>}
      />
    );
  }
  return (
    <Alert tone="error" title={`Could not load ${feature.toLowerCase()}`} action={<Button size="sm" onClick={onRetry}>Retry</Button>}>
      {error.message}
    </Alert>
  );
}
