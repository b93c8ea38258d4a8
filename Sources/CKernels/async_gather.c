/* Gathering rows of byte pixels into floats on the helper thread (see ck_async.h). */
#include "ck_async.h"
#include "ck_pixels.h"
#include "internal.h"
#include <sched.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* A job is claimed once, by the helper (to run it) or by its waiter (to run it itself, when the
   helper has not started it by then: on a busy machine the helper thread may wait long for a
   core). `state` is ticket * 4 + phase. */
enum { POSTED = 0, RUNNING = 1, DONE = 2, STOLEN = 3 };

typedef struct {
  long state; /* atomic */
  const uint8_t *base;
  ptrdiff_t rowSize;
  ptrdiff_t *rows;
  ptrdiff_t count;
  float scale;
  float *dst;
} gather_job;

/* Only the owner of the helper writes the job's fields (between ck_pool_acquire and
   ck_pool_post), and the helper gives up the ownership only after its turn at the job, so one
   record serves every job: while a ticket's job is not done the record is still its own. */
static gather_job job;
static ptrdiff_t rows_capacity = 0;

static void gather(const gather_job *j) {
  ck_gather_bytes_to_floats(j->base, j->rowSize, j->rows, j->count, j->scale, j->dst);
}

static int claim(long ticket, int as) {
  long expected = ticket * 4 + POSTED;
  return __atomic_compare_exchange_n(&job.state, &expected, ticket * 4 + as, 0, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE);
}

static void run_on_helper(const void *arg) {
  long ticket = (long)(intptr_t)arg;
  if (claim(ticket, RUNNING)) {
    gather(&job);
    __atomic_store_n(&job.state, ticket * 4 + DONE, __ATOMIC_RELEASE);
    return;
  }
  /* Its waiter is doing it from the record, which stays the job's until we return (and give
     up the ownership): wait until it is done. */
  for (int i = 0; __atomic_load_n(&job.state, __ATOMIC_ACQUIRE) == ticket * 4 + STOLEN; i++) {
    if (i < 2000) {
#if defined(__x86_64__)
      __builtin_ia32_pause();
#endif
    } else {
      sched_yield();
    }
  }
}

long ck_async_gather(const uint8_t *base, ptrdiff_t rowSize, const ptrdiff_t *rows, ptrdiff_t count,
                     float scale, float *dst) {
  if (count <= 0 || rowSize <= 0) return 0;
  if (!ck_pool_acquire()) return 0;
  if (count > rows_capacity) {
    ptrdiff_t *grown = (ptrdiff_t *)realloc(job.rows, (size_t)count * sizeof(ptrdiff_t));
    if (grown == NULL) {
      ck_pool_release();
      return 0;
    }
    job.rows = grown;
    rows_capacity = count;
  }
  memcpy(job.rows, rows, (size_t)count * sizeof(ptrdiff_t));
  job.base = base;
  job.rowSize = rowSize;
  job.count = count;
  job.scale = scale;
  job.dst = dst;
  long ticket = ck_pool_next_ticket();
  __atomic_store_n(&job.state, ticket * 4 + POSTED, __ATOMIC_RELEASE);
  long posted = ck_pool_post(run_on_helper, (const void *)(intptr_t)ticket, 1);
  (void)posted; /* == ticket: nobody else posts while we own the helper */
  return ticket;
}

void ck_async_wait(long ticket) {
  if (ticket <= 0) return;
  long s = __atomic_load_n(&job.state, __ATOMIC_ACQUIRE);
  if (s / 4 != ticket) return; /* the record has served a later job: this one is long done */
  if (s % 4 == POSTED && claim(ticket, STOLEN)) {
    gather(&job);
    __atomic_store_n(&job.state, ticket * 4 + DONE, __ATOMIC_RELEASE);
    return;
  }
  /* Running on the helper (or done, or being done by another waiter): the helper publishes its
     ticket as finished once it has left the job. */
  for (int i = 0; i < 2000 && __atomic_load_n(&job.state, __ATOMIC_ACQUIRE) != ticket * 4 + DONE; i++) {
#if defined(__x86_64__)
    __builtin_ia32_pause();
#endif
  }
  if (__atomic_load_n(&job.state, __ATOMIC_ACQUIRE) != ticket * 4 + DONE) ck_pool_wait(ticket);
}
