import { createSignal, Show } from 'solid-js';
import { confirmAction } from '#components/ui/confirm.tsx';
import { CopyCode } from '#components/ui/copy-code.tsx';
import { boardUrl, rotateBoardToken } from '#lib/board/commands.ts';
import { describeRestaurantError } from '#lib/restaurant/errors.ts';
import type { Restaurant } from '#lib/restaurant/queries.ts';
import * as m from '#paraglide/messages.js';

/** Owners and managers: the customers' board link, shown on demand, and a way to replace it. */
export function BoardLink(props: { restaurant: Restaurant; onRotated: (row: Restaurant) => void }) {
  const [shown, setShown] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const url = () => boardUrl(props.restaurant.board_token);
  const rotate = async () => {
    const confirmed = await confirmAction({
      title: m.board_settings_rotate_confirm(),
      confirmText: m.board_settings_rotate(),
      tone: 'danger',
    });
    if (!confirmed) return;
    setBusy(true);
    setError(null);
    const result = await rotateBoardToken(props.restaurant.id);
    setBusy(false);
    if (!result.ok) return setError(result.failure.code === 'network' ? null : describeRestaurantError(result.failure));
    props.onRotated(result.data);
    setShown(true);
  };
  return (
    <section class="stack" aria-labelledby="board-link-title">
      <h2 id="board-link-title">{m.board_settings_title()}</h2>
      <p>{m.board_settings_intro()}</p>
      <Show when={error()}>
        <p class="notice error" role="alert">
          {error()}
        </p>
      </Show>
      <Show
        when={shown()}
        fallback={
          <p class="actions">
            <button type="button" class="secondary" onClick={() => setShown(true)}>
              {m.board_settings_show()}
            </button>
          </p>
        }
      >
        <p>
          <code class="board-url">{url()}</code>
        </p>
        <CopyCode code={url()} />
        <p class="actions">
          <a class="button secondary" href={url()} target="_blank" rel="noopener">
            {m.board_settings_open()}
          </a>
          <button type="button" class="danger secondary" disabled={busy()} onClick={() => void rotate()}>
            {m.board_settings_rotate()}
          </button>
        </p>
      </Show>
    </section>
  );
}
