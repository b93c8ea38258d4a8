/* Gathering rows of byte pixels into floats on the helper thread (see ck_async.h). */
#include "ck_async.h"
#include "ck_pixels.h"
#include "internal.h"
#include <stdlib.h>
#include <string.h>

typedef struct {
  const uint8_t *base;
  ptrdiff_t rowSize;
  ptrdiff_t *rows;
  ptrdiff_t count;
  float scale;
  float *dst;
} gather_job;

/* Only the owner of the helper writes the job (between ck_pool_acquire and ck_pool_post), and
   the helper gives up the ownership only after running it, so one record serves every job. */
static gather_job job;
static ptrdiff_t rows_capacity = 0;

static void run_gather(const void *arg) {
  const gather_job *j = (const gather_job *)arg;
  ck_gather_bytes_to_floats(j->base, j->rowSize, j->rows, j->count, j->scale, j->dst);
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
  return ck_pool_post(run_gather, &job, 1);
}

void ck_async_wait(long ticket) {
  if (ticket > 0) ck_pool_wait(ticket);
}
