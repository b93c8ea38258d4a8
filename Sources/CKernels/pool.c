/* The kernels' one persistent helper thread: ck_sgemm shares row chunks of a big product with it
   (kernels.c), and ck_async.h jobs (a batch gather during a training step) run on it. See
   internal.h. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* pthread_setaffinity_np, sched_getcpu */
#endif
#include "internal.h"
#include <pthread.h>
#include <string.h>
#include <stdlib.h>
#include <sched.h>
#include <time.h>

/* A single persistent helper thread (the machine kind has two cores). A caller hands it a job
   and works alongside (kernels.c takes row chunks from a shared counter); between jobs it does
   background work (async_gather.c gathers the next batch). The helper polls briefly for a job
   before blocking on a condition variable, so it does not burn a core for long. One caller at a
   time owns the helper (`pool_owned`); a concurrent caller computes on its own thread, which
   gives the same numbers. The ownership has two holders, the caller and the helper's turn at
   the job, and is free again only when both have let go: a new owner could otherwise reset the
   job's shared record while the previous caller, or a helper that came late, still works on it. */
static pthread_mutex_t pool_mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t pool_work_cv = PTHREAD_COND_INITIALIZER;
static pthread_once_t pool_once = PTHREAD_ONCE_INIT;
static int pool_ok = 0;            /* the helper thread exists */
static int pool_owned = 0;         /* holders of the ownership: 0, or 2 then 1 (atomic) */
static long pool_posted = 0;       /* jobs posted (atomic; written by the owner) */
static void (*pool_fn)(const void *) = NULL;  /* the posted job: pool_fn(pool_arg) */
static const void *pool_arg = NULL;

/* About 20-60 microseconds of polling before sleeping. */
#define POOL_SPINS 2000

static int pool_sleeping = 0;      /* the helper is (about to be) blocked on pool_work_cv (atomic) */

/* Posting takes no lock while the helper is polling: a spinning helper that saw the post and
   then had to queue for the poster's mutex could be put to sleep by the kernel and woken only
   much later. The mutex is for sleeping: the helper announces it (pool_sleeping) before its last
   check, and the poster, after publishing, looks for the announcement (sequentially consistent,
   so one of the two sees the other) and then signals under the mutex. */
static int (*pool_background)(int run) = NULL; /* atomic: see ck_pool_set_background */

static void *pool_main(void *arg) {
  (void)arg;
  long seen = 0;
  for (;;) {
    /* Poll briefly for the next job, after an asynchronous one too: the helper is kept off the
       caller's core, and a training step posts again within tens of microseconds (a split
       product, the next batch), which a sleeping helper would miss (waking takes as long).
       Meanwhile, pieces of background work, one at a time, so that a posted job waits at most
       one piece. */
    for (int i = 0; i < POOL_SPINS && __atomic_load_n(&pool_posted, __ATOMIC_ACQUIRE) == seen; i++) {
      int (*bg)(int) = __atomic_load_n(&pool_background, __ATOMIC_ACQUIRE);
      if (bg != NULL && bg(1)) {
        i = 0;
        continue;
      }
      cpu_relax();
    }
    if (__atomic_load_n(&pool_posted, __ATOMIC_ACQUIRE) == seen) {
      pthread_mutex_lock(&pool_mu);
      __atomic_store_n(&pool_sleeping, 1, __ATOMIC_SEQ_CST);
      for (;;) {
        if (__atomic_load_n(&pool_posted, __ATOMIC_SEQ_CST) != seen) break;
        int (*bg)(int) = __atomic_load_n(&pool_background, __ATOMIC_SEQ_CST);
        if (bg != NULL && bg(0)) break;
        pthread_cond_wait(&pool_work_cv, &pool_mu);
      }
      __atomic_store_n(&pool_sleeping, 0, __ATOMIC_RELAXED);
      pthread_mutex_unlock(&pool_mu);
      continue; /* a job, or background work */
    }
    /* One job at a time: the next is posted only after this one gave the ownership back. */
    seen = __atomic_load_n(&pool_posted, __ATOMIC_ACQUIRE);
    void (*fn)(const void *) = pool_fn;
    const void *job_arg = pool_arg;
    fn(job_arg);
  }
  return NULL;
}

static pthread_t pool_thread;
#if defined(__linux__)
static cpu_set_t pool_cpus;     /* the CPUs the process may use, when the helper started */
static int pool_cpus_known = 0;
static int pool_avoided = -1;   /* the CPU the helper is kept off (atomic) */
#endif

static void pool_start(void) {
  /* MNIST_SHELL_THREADS=1: everything on the caller's thread (no helper, no split, no prefetch). */
  const char *threads = getenv("MNIST_SHELL_THREADS");
  if (threads != NULL && strcmp(threads, "1") == 0) return;
  pthread_attr_t attr;
  if (pthread_attr_init(&attr) != 0) return;
  pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
  if (pthread_create(&pool_thread, &attr, pool_main, NULL) == 0) pool_ok = 1;
  pthread_attr_destroy(&attr);
#if defined(__linux__)
  if (pool_ok && sched_getaffinity(0, sizeof pool_cpus, &pool_cpus) == 0) pool_cpus_known = 1;
#endif
}

void ck_pool_avoid_caller_cpu(void) {
#if defined(__linux__)
  int cpu = sched_getcpu();
  if (!pool_cpus_known || cpu < 0 || cpu >= CPU_SETSIZE || cpu == __atomic_load_n(&pool_avoided, __ATOMIC_RELAXED)) return;
  cpu_set_t allowed = pool_cpus;
  CPU_CLR(cpu, &allowed);
  if (CPU_COUNT(&allowed) == 0) return;
  if (pthread_setaffinity_np(pool_thread, sizeof allowed, &allowed) == 0) __atomic_store_n(&pool_avoided, cpu, __ATOMIC_RELAXED);
#endif
}

int ck_pool_acquire(void) {
  if (!ck_pool_start()) return 0;
  int free_ = 0;
  return __atomic_compare_exchange_n(&pool_owned, &free_, 2, 0, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED);
}

void ck_pool_release(void) { __atomic_fetch_sub(&pool_owned, 1, __ATOMIC_RELEASE); }

int ck_pool_start(void) {
  pthread_once(&pool_once, pool_start);
  return pool_ok;
}

int ck_pool_background_pending(void) {
  int (*bg)(int) = __atomic_load_n(&pool_background, __ATOMIC_ACQUIRE);
  return bg != NULL && bg(0);
}

void ck_pool_set_background(int (*piece)(int run)) { __atomic_store_n(&pool_background, piece, __ATOMIC_SEQ_CST); }

void ck_pool_wake(void) {
  if (__atomic_load_n(&pool_sleeping, __ATOMIC_SEQ_CST)) {
    pthread_mutex_lock(&pool_mu);
    pthread_cond_signal(&pool_work_cv);
    pthread_mutex_unlock(&pool_mu);
  }
}

/* Whether a stall (see ck_async.h) pauses the helper depends on how much of the helper's time
   stalls cost: the stall against the time the helper was in use since the one before (pauses
   not counted). Above 1/20, the helper is paused: 5 ms, then twice the last pause while it
   stays above, up to 0.2 s (ck_pool_pause_after). Measured with a 'yes' loop sharing the
   cores, stalls of about 4 ms (a scheduler time slice) came after 1-6 ms of the helper's use;
   on a quiet machine, a stall of 0.5-1 ms (the helper preempted by a kernel thread) came every
   half second or so, which is not worth pausing for. */
#define POOL_STALL_NS 200000L
#define POOL_STALL_SHARE 20
#define POOL_PAUSE_NS 5000000L
#define POOL_PAUSE_MAX_NS 200000000L
static long pool_resume_ns = 0; /* atomic: the helper is not used before this time (0: no pause) */
static long pool_stall_ns = 0;  /* atomic: when the last stall ended (0: none yet) */
static long pool_pause_ns = 0;  /* atomic: the pause after it (0: none) */

long ck_now_ns(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (long)t.tv_sec * 1000000000L + t.tv_nsec;
}

int ck_pool_paused(void) {
  long resume = __atomic_load_n(&pool_resume_ns, __ATOMIC_RELAXED);
  if (resume == 0) return 0;
  if (ck_now_ns() < resume) return 1;
  __atomic_compare_exchange_n(&pool_resume_ns, &resume, 0, 0, __ATOMIC_RELAXED, __ATOMIC_RELAXED); /* over */
  return 0;
}

long ck_pool_pause_after(long ns, long used, long last) {
  if (ns <= POOL_STALL_NS || ns * POOL_STALL_SHARE <= used) return 0;
  return last == 0 ? POOL_PAUSE_NS : (last >= POOL_PAUSE_MAX_NS / 2 ? POOL_PAUSE_MAX_NS : last * 2);
}

void ck_pool_waited(long ns) {
  if (ns <= POOL_STALL_NS) return;
  long now = ck_now_ns();
  long last = __atomic_load_n(&pool_stall_ns, __ATOMIC_RELAXED);
  long p = __atomic_load_n(&pool_pause_ns, __ATOMIC_RELAXED);
  /* the helper's time in use between the two stalls (the first stall: as good as forever) */
  long used = last == 0 ? POOL_PAUSE_MAX_NS * POOL_STALL_SHARE : now - ns - last - p;
  p = ck_pool_pause_after(ns, used, p);
  if (p != 0) __atomic_store_n(&pool_resume_ns, now + p, __ATOMIC_RELAXED);
  __atomic_store_n(&pool_pause_ns, p, __ATOMIC_RELAXED);
  __atomic_store_n(&pool_stall_ns, now, __ATOMIC_RELAXED);
}

long ck_pool_post(void (*fn)(const void *), const void *arg) {
  /* Only the owner posts, and only after the previous job gave the ownership back (it has read
     pool_fn and pool_arg by then). */
  pool_fn = fn;
  pool_arg = arg;
  long ticket = __atomic_load_n(&pool_posted, __ATOMIC_RELAXED) + 1;
  __atomic_store_n(&pool_posted, ticket, __ATOMIC_SEQ_CST);
  ck_pool_wake();
  return ticket;
}
