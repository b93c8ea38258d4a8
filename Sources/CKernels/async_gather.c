/* Gathering rows of byte pixels into floats in the background, on the helper thread (see
   ck_async.h). */
#include "ck_async.h"
#include "ck_pixels.h"
#include "internal.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* A job is cut into pieces of a few rows. The helper takes pieces from the back whenever it has
   no other work (a split product comes first: it waits at most one piece, about a microsecond);
   the waiter takes the ones still left from the front, then waits for the piece the helper is
   in. So the job never waits for a helper that is asleep or has no core, and when the helper is
   busy with a training step's products the gather simply fills the gaps between them.

   Every claim goes through one word: the job's generation (its ticket), whether it is open,
   and the pieces taken from the front and from the back. A claim is a compare-and-swap of that
   word, so a claim made on a stale reading (a helper that read the job just before it was
   finished and a new one posted) fails instead of taking a piece of the new job. Posting closes
   the word before it rewrites the job's fields, and opens it after, so a claim that succeeds saw
   the fields of its own generation. */
#define PIECE_ROWS 4L
#define FRONT_BITS 16
#define HALF_MASK ((1L << FRONT_BITS) - 1)
#define OPEN_BIT (1L << (2 * FRONT_BITS))
#define GEN_SHIFT (2 * FRONT_BITS + 1)
#define MAX_PIECES HALF_MASK

typedef struct {
  const uint8_t *base;
  ptrdiff_t rowSize;
  ptrdiff_t *rows;   /* count rows, then aheadCount rows to prefetch */
  ptrdiff_t count;
  ptrdiff_t aheadCount;
  ptrdiff_t pieceRows;
  long pieces;
  float scale;
  float *dst;
} gather_job;

static gather_job job;           /* written by the poster only while the word is closed */
static ptrdiff_t rows_capacity = 0;
static line_long word;           /* atomic: generation, open bit, pieces taken */
static line_long done;           /* atomic: pieces finished */
static int posting = 0;          /* atomic: a thread is posting a job */

/* Takes the next piece of job `gen` (any open job when gen < 0) from the front or the back;
   returns its index, or -1 when there is none. */
static long claim(int fromBack, long gen) {
  long w = __atomic_load_n(&word.v, __ATOMIC_ACQUIRE);
  for (;;) {
    if (!(w & OPEN_BIT)) return -1;
    if (gen >= 0 && (w >> GEN_SHIFT) != gen) return -1;
    long front = w & HALF_MASK, back = (w >> FRONT_BITS) & HALF_MASK;
    long pieces = __atomic_load_n(&job.pieces, __ATOMIC_RELAXED);
    if (front + back >= pieces) return -1;
    long next = w + (fromBack ? (1L << FRONT_BITS) : 1L);
    if (__atomic_compare_exchange_n(&word.v, &w, next, 0, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE))
      return fromBack ? pieces - 1 - back : front;
  }
}

/* Asks for the lines of `count` rows, without waiting for them. */
static void prefetch_rows(const uint8_t *base, ptrdiff_t rowSize, const ptrdiff_t *rows, ptrdiff_t count) {
  for (ptrdiff_t k = 0; k < count; k++) {
    const uint8_t *row = base + rows[k] * rowSize;
    for (ptrdiff_t o = 0; o < rowSize; o += 64) __builtin_prefetch(row + o, 0, 2);
    __builtin_prefetch(row + rowSize - 1, 0, 2);
  }
}

static void run_piece(long i) {
  ptrdiff_t r0 = i * job.pieceRows;
  ptrdiff_t r = job.count - r0 < job.pieceRows ? job.count - r0 : job.pieceRows;
  /* The rows of the batch after this one, piece for piece: they come from memory while this
     piece is converted, and are in cache when that batch is gathered (a shuffled batch is 100
     rows scattered over 47 MB: without this, each piece waits on memory). */
  ptrdiff_t a0 = r0 * job.aheadCount / job.count, a1 = (r0 + r) * job.aheadCount / job.count;
  if (a1 > a0) prefetch_rows(job.base, job.rowSize, job.rows + job.count + a0, a1 - a0);
  ck_gather_bytes_to_floats(job.base, job.rowSize, job.rows + r0, r, job.scale, job.dst + r0 * job.rowSize);
  __atomic_fetch_add(&done.v, 1, __ATOMIC_RELEASE);
}

/* The helper's background work (ck_pool_set_background). */
static int background(int run) {
  if (!run) {
    long w = __atomic_load_n(&word.v, __ATOMIC_SEQ_CST);
    long taken = (w & HALF_MASK) + ((w >> FRONT_BITS) & HALF_MASK);
    return (w & OPEN_BIT) && taken < __atomic_load_n(&job.pieces, __ATOMIC_RELAXED);
  }
  long i = claim(1, -1);
  if (i < 0) return 0;
  run_piece(i);
  return 1;
}

long ck_async_gather(const uint8_t *base, ptrdiff_t rowSize, const ptrdiff_t *rows, ptrdiff_t count,
                     const ptrdiff_t *ahead, ptrdiff_t aheadCount, float scale, float *dst) {
  if (count <= 0 || rowSize <= 0) return 0;
  if (ahead == NULL || aheadCount < 0) aheadCount = 0;
  if (!ck_pool_start() || ck_pool_paused()) return 0;
  if (__atomic_exchange_n(&posting, 1, __ATOMIC_ACQUIRE)) return 0; /* another thread is posting */
  /* The record is free once every piece of its job is done, waited for or not (another data set
     may still hold its ticket: its wait then finds a newer generation and returns at once). */
  long w = __atomic_load_n(&word.v, __ATOMIC_ACQUIRE);
  if ((w & OPEN_BIT) && __atomic_load_n(&done.v, __ATOMIC_ACQUIRE) < __atomic_load_n(&job.pieces, __ATOMIC_RELAXED)) {
    __atomic_store_n(&posting, 0, __ATOMIC_RELEASE);
    return 0;
  }
  /* Closed before the fields change, so that no claim can succeed meanwhile. */
  __atomic_store_n(&word.v, (w >> GEN_SHIFT) << GEN_SHIFT, __ATOMIC_SEQ_CST);
  if (count + aheadCount > rows_capacity) {
    ptrdiff_t *grown = (ptrdiff_t *)realloc(job.rows, (size_t)(count + aheadCount) * sizeof(ptrdiff_t));
    if (grown == NULL) {
      __atomic_store_n(&posting, 0, __ATOMIC_RELEASE);
      return 0;
    }
    job.rows = grown;
    rows_capacity = count + aheadCount;
  }
  memcpy(job.rows, rows, (size_t)count * sizeof(ptrdiff_t));
  if (aheadCount > 0) memcpy(job.rows + count, ahead, (size_t)aheadCount * sizeof(ptrdiff_t));
  job.aheadCount = aheadCount;
  job.base = base;
  job.rowSize = rowSize;
  job.count = count;
  job.pieceRows = (count + MAX_PIECES - 1) / MAX_PIECES > PIECE_ROWS ? (count + MAX_PIECES - 1) / MAX_PIECES : PIECE_ROWS;
  __atomic_store_n(&job.pieces, (count + job.pieceRows - 1) / job.pieceRows, __ATOMIC_RELAXED);
  job.scale = scale;
  job.dst = dst;
  __atomic_store_n(&done.v, 0, __ATOMIC_RELAXED);
  long gen = (w >> GEN_SHIFT) + 1 > (1L << (63 - GEN_SHIFT)) - 1 ? 1 : (w >> GEN_SHIFT) + 1;
  static int registered = 0;
  if (!registered) {
    ck_pool_set_background(background);
    registered = 1;
  }
  ck_pool_avoid_caller_cpu();
  __atomic_store_n(&word.v, (gen << GEN_SHIFT) | OPEN_BIT, __ATOMIC_SEQ_CST);
  __atomic_store_n(&posting, 0, __ATOMIC_RELEASE);
  ck_pool_wake();
  return gen;
}

void ck_async_wait(long ticket) {
  if (ticket <= 0) return;
  long w = __atomic_load_n(&word.v, __ATOMIC_ACQUIRE);
  if (!(w & OPEN_BIT) || (w >> GEN_SHIFT) != ticket) return; /* long done */
  /* The pieces the helper has not taken, from the front... */
  for (long i; (i = claim(0, ticket)) >= 0;) run_piece(i);
  /* ...and the ones it is in (a newer generation means this job was done before it). */
  long t0 = 0;
  for (long i = 0;; i++) {
    w = __atomic_load_n(&word.v, __ATOMIC_ACQUIRE);
    if ((w >> GEN_SHIFT) != ticket) return;
    if (__atomic_load_n(&done.v, __ATOMIC_ACQUIRE) >= __atomic_load_n(&job.pieces, __ATOMIC_RELAXED)) break;
    if (i == 0) t0 = ck_now_ns();
    wait_round(i);
  }
  if (t0 != 0) ck_pool_waited(ck_now_ns() - t0);
  /* Closed, unless a newer job has taken the record meanwhile. */
  while ((w & OPEN_BIT) && (w >> GEN_SHIFT) == ticket &&
         !__atomic_compare_exchange_n(&word.v, &w, ticket << GEN_SHIFT, 0, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)) {
  }
}
