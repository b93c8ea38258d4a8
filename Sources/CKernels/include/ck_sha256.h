#ifndef MNIST_SHELL_CK_SHA256_H
#define MNIST_SHELL_CK_SHA256_H
/* SHA-256 (FIPS 180-4) with the x86 SHA extensions when the CPU has them, else portable C. */
#include <stddef.h>
#include <stdint.h>

/* Hashing state; treat as opaque. */
typedef struct {
  uint32_t h[8];
  uint64_t total;     /* bytes fed so far */
  uint8_t buf[64];    /* a partial block */
  uint32_t buffered;  /* bytes in buf */
  int hardware;       /* 1: SHA-NI block function, 0: portable */
} ck_sha256_ctx;

/* Starts a hash, using SHA-NI if this CPU has it. */
void ck_sha256_init(ck_sha256_ctx *c);
/* Starts a hash on the portable code path whatever the CPU (for tests and comparisons). */
void ck_sha256_init_portable(ck_sha256_ctx *c);
/* Adds n bytes. */
void ck_sha256_update(ck_sha256_ctx *c, const void *data, size_t n);
/* Pads, writes the 32-byte digest to out; the context must be initialised again before reuse. */
void ck_sha256_final(ck_sha256_ctx *c, uint8_t out[32]);
/* 1 if this CPU has SHA-NI (and SSE4.1), so ck_sha256_init uses it. */
int ck_sha256_has_hardware(void);

#endif
