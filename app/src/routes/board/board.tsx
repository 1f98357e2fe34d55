import { useParams } from '@solidjs/router';
import { createSignal, For, onCleanup, Show } from 'solid-js';
import { type BoardState, fetchBoard } from '#lib/board/queries.ts';
import * as m from '#paraglide/messages.js';
import './board.css';

/** Every this often, and whenever the screen becomes visible again. */
const POLL_MS = 3_000;

/**
 * The customers' TV: order numbers preparing and ready, nothing else. Authorised by the
 * unguessable token in its link (an owner rotates it in settings), so it needs no signed-in
 * account; it polls `board_orders` because a stranger's repeat of it is cheap and answers numbers.
 */
export default function Board() {
  const params = useParams<{ token: string }>();
  const [board, setBoard] = createSignal<BoardState | null>(null);
  const [missing, setMissing] = createSignal(false);
  const [stale, setStale] = createSignal(false);
  let busy = false;

  const poll = async () => {
    if (busy || document.visibilityState === 'hidden') return;
    busy = true;
    const result = await fetchBoard(params.token);
    busy = false;
    if (result.ok) {
      setBoard(result.data);
      setMissing(false);
      setStale(false);
    } else if (result.failure.code === 'board_not_found') setMissing(true);
    else setStale(true);
  };

  void poll();
  const timer = setInterval(() => void poll(), POLL_MS);
  const onVisible = () => void poll();
  document.addEventListener('visibilitychange', onVisible);
  onCleanup(() => {
    clearInterval(timer);
    document.removeEventListener('visibilitychange', onVisible);
  });

  return (
    <main id="main" class="board">
      <Show when={!missing()} fallback={<p class="board-missing">{m.board_not_found()}</p>}>
        <header class="board-head">
          <h1>{board()?.restaurantName || m.board_title()}</h1>
          <Show when={stale()}>
            <p class="board-stale" role="status">
              {m.board_reconnecting()}
            </p>
          </Show>
        </header>
        <div class="board-columns">
          <section class="board-column" aria-labelledby="board-preparing">
            <h2 id="board-preparing">{m.board_preparing()}</h2>
            <ul class="board-numbers" data-kind="preparing">
              <For each={board()?.preparing ?? []}>{(number) => <li>{number}</li>}</For>
            </ul>
          </section>
          <section class="board-column" data-kind="ready" aria-labelledby="board-ready">
            <h2 id="board-ready">{m.board_ready()}</h2>
            <ul class="board-numbers" data-kind="ready">
              <For each={board()?.ready ?? []}>{(number) => <li>{number}</li>}</For>
            </ul>
          </section>
        </div>
      </Show>
    </main>
  );
}
