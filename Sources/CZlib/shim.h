/* Shims for zlib: the init macros take a version string and a struct size,
   which Swift cannot pass through a macro, so they are wrapped here. */
#ifndef MNIST_SHELL_CZLIB_SHIM_H
#define MNIST_SHELL_CZLIB_SHIM_H
#include <zlib.h>
/* windowBits 15 + 32: detect a gzip or zlib header automatically. */
static inline int swiftzlib_inflate_init(z_stream *s) { return inflateInit2(s, 15 + 32); }
#endif
