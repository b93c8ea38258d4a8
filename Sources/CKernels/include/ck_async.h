#ifndef MNIST_SHELL_CK_ASYNC_H
#define MNIST_SHELL_CK_ASYNC_H
/* Work handed to the kernels' helper thread (the one that splits big matrix products) to run
   in the background while the caller does something else: for MNIST, gathering the next batch
   during a training step. The helper does it in pieces of a few rows between the products it
   shares, which come first; whoever waits for the job does the pieces still left. One job at a
   time. */
#include <stddef.h>
#include <stdint.h>

/* Starts ck_gather_bytes_to_floats(base, rowSize, rows, count, scale, dst) in the background and
   returns a ticket (> 0) to pass to ck_async_wait. `rows` is copied, so the caller may reuse it
   at once; `base` and `dst` must stay valid, and dst untouched, until ck_async_wait returns.
   Returns 0, starting nothing, if there is no helper (MNIST_SHELL_THREADS=1), it is paused
   (ck_pool_paused, below), another job has not been waited for yet, or count or rowSize is not
   positive: the caller then does the work itself. On Linux the helper is kept off the poster's core.
   `ahead` (aheadCount rows, copied too; may be NULL) are the rows the job after this one will
   gather: the pieces ask for their memory as they go, so that it is in cache by then. */
long ck_async_gather(const uint8_t *base, ptrdiff_t rowSize, const ptrdiff_t *rows, ptrdiff_t count,
                     const ptrdiff_t *ahead, ptrdiff_t aheadCount, float scale, float *dst);

/* Returns once the job of `ticket` is done (at once for 0 or a finished ticket): the caller does
   the pieces the helper has not started (all of them, when the helper is asleep or has no core),
   then waits for the one it is in. Each ticket must be waited for, once it is no longer needed
   at the latest: until then no other job can start. */
void ck_async_wait(long ticket);

/* The helper's contention pause. Whoever waited for the helper to finish a chunk or a piece it
   had taken reports the wait to ck_pool_waited. A wait far longer than any chunk means the
   helper was preempted mid-chunk: its core is shared with another busy process (or the VM's
   other vCPU is busy on the host). The helper is then not used for a while: ck_pool_paused()
   says so, and products and gathers run on the caller's thread alone. Without the pause such a
   machine loses a scheduler time slice (milliseconds) at every preemption: with a 'yes' loop
   competing, 1000 training steps took 146 ms when only products paused; with the pause as it is
   (pool.c), 123 ms, against 116 ms on one thread under the same load. */
int ck_pool_paused(void);
void ck_pool_waited(long ns);
/* The rule (pool.c): the pause, in ns, after a wait of `ns` for the helper that came `used` ns
   of the helper's time in use after the stall before, whose pause was `last` (0: none); 0 for
   no pause. */
long ck_pool_pause_after(long ns, long used, long last);
/* CLOCK_MONOTONIC in nanoseconds (the clock of the pause). */
long ck_now_ns(void);

#endif
