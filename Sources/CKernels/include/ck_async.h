#ifndef MNIST_SHELL_CK_ASYNC_H
#define MNIST_SHELL_CK_ASYNC_H
/* Work handed to the kernels' helper thread (the one that splits big matrix products) to run
   while the caller does something else: for MNIST, gathering the next batch during a training
   step. One job at a time; while it runs, big products computed meanwhile stay on their
   caller's thread (same numbers, no split). */
#include <stddef.h>
#include <stdint.h>

/* Starts ck_gather_bytes_to_floats(base, rowSize, rows, count, scale, dst) on the helper thread
   and returns a ticket (> 0) to pass to ck_async_wait. `rows` is copied, so the caller may reuse
   it at once; `base` and `dst` must stay valid, and dst untouched, until ck_async_wait returns.
   Returns 0, starting nothing, if the helper is unavailable or busy, or count or rowSize is not
   positive, or for a few calls after a job ran on the caller's own core (the other cores being
   busy, so nothing was overlapped): the caller then does the work itself. On Linux the helper
   is kept off the poster's core. */
long ck_async_gather(const uint8_t *base, ptrdiff_t rowSize, const ptrdiff_t *rows, ptrdiff_t count,
                     float scale, float *dst);

/* Returns once the job of `ticket` is done (at once for 0 or a finished ticket). If the helper
   has not started it yet (on a busy machine its thread may wait long for a core), the caller
   does it itself; if it is running, the caller spins briefly, then blocks. */
void ck_async_wait(long ticket);

#endif
