/* Gathering rows of byte pixels into floats on the helper thread (see ck_async.h). */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* sched_getcpu */
#endif
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
  int helperCPU; /* atomic: where the helper ran it (-1: unknown) */
  int posterCPU; /* atomic: where it was posted from */
} gather_job;

/* Only the owner of the helper writes the job's fields (between ck_pool_acquire and
   ck_pool_post), and the helper gives up the ownership only after its turn at the job, so one
   record serves every job: while a ticket's job is not done the record is still its own. */
static gather_job job;
static ptrdiff_t rows_capacity = 0;

static int current_cpu(void) {
#if defined(__linux__)
  return sched_getcpu();
#else
  return -1;
#endif
}

/* Prefetching only pays when another core is free. When a job was not overlapped with the
   caller's work (the helper had not started it when waited for, or it had to be waited for long,
   or it ran on the caller's own core, pushing the caller aside), the next posts are refused, a
   number that doubles (4 up to 64) while that keeps happening: the caller then does the work
   itself, and a busy machine costs about one unhelpful job in 65. */
static int skip_next = 0; /* atomic: posts still to refuse */
static int backoff = 0;   /* atomic: how many to refuse after the next unhelpful job */

static void judge(int helped) {
  if (helped) {
    __atomic_store_n(&backoff, 0, __ATOMIC_RELAXED);
    return;
  }
  int b = __atomic_load_n(&backoff, __ATOMIC_RELAXED);
  b = b == 0 ? 4 : (b >= 64 ? 64 : b * 2);
  __atomic_store_n(&backoff, b, __ATOMIC_RELAXED);
  __atomic_store_n(&skip_next, b, __ATOMIC_RELAXED);
}

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
    __atomic_store_n(&job.helperCPU, current_cpu(), __ATOMIC_RELAXED);
    gather(&job);
    __atomic_store_n(&job.state, ticket * 4 + DONE, __ATOMIC_RELEASE);
    ck_pool_release(); /* at once: the caller may post its next job as soon as it sees DONE */
    return;
  }
  /* Its waiter is doing it from the record, which stays the job's until we give up the
     ownership: wait until it is done. */
  for (int i = 0; __atomic_load_n(&job.state, __ATOMIC_ACQUIRE) == ticket * 4 + STOLEN; i++) {
    if (i < 2000) cpu_relax();
    else sched_yield();
  }
  ck_pool_release();
}

long ck_async_gather(const uint8_t *base, ptrdiff_t rowSize, const ptrdiff_t *rows, ptrdiff_t count,
                     float scale, float *dst) {
  if (count <= 0 || rowSize <= 0) return 0;
  if (__atomic_load_n(&skip_next, __ATOMIC_RELAXED) > 0) {
    __atomic_fetch_sub(&skip_next, 1, __ATOMIC_RELAXED);
    return 0;
  }
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
  int here = current_cpu();
  __atomic_store_n(&job.posterCPU, here, __ATOMIC_RELAXED);
  ck_pool_avoid_cpu(here);
  __atomic_store_n(&job.helperCPU, -1, __ATOMIC_RELAXED);
  long ticket = ck_pool_next_ticket();
  __atomic_store_n(&job.state, ticket * 4 + POSTED, __ATOMIC_RELEASE);
  long posted = ck_pool_post(run_on_helper, (const void *)(intptr_t)ticket);
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
    judge(0);
    return;
  }
  /* Running on the helper (or done, or being done by another waiter): the helper publishes its
     ticket as finished once it has left the job. */
  for (int i = 0; i < 2000 && __atomic_load_n(&job.state, __ATOMIC_ACQUIRE) != ticket * 4 + DONE; i++) cpu_relax();
  if (__atomic_load_n(&job.state, __ATOMIC_ACQUIRE) == ticket * 4 + DONE) {
    /* The record is still this job's unless the helper has left it and someone posted again. */
    int helper = __atomic_load_n(&job.helperCPU, __ATOMIC_RELAXED);
    int poster = __atomic_load_n(&job.posterCPU, __ATOMIC_RELAXED);
    if (__atomic_load_n(&job.state, __ATOMIC_ACQUIRE) == ticket * 4 + DONE && helper >= 0)
      judge(helper != poster && helper != current_cpu());
    return;
  }
  ck_pool_wait(ticket);
  judge(0);
}
