import { lazy, Suspense } from 'solid-js';
import type { DialogProps } from './dialog.tsx';

const Dialog = lazy(() => import('./dialog.tsx').then((module) => ({ default: module.Dialog })));

/**
 * The same Dialog, fetched right after the screen has rendered rather than before: for screens
 * whose first download must stay small (POS, kitchen) and whose dialog opens on a later tap. The
 * service worker precaches it, so it opens offline too.
 */
export function LazyDialog(props: DialogProps) {
  return (
    <Suspense>
      <Dialog {...props} />
    </Suspense>
  );
}
