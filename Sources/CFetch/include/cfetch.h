#ifndef MNIST_SHELL_CFETCH_H
#define MNIST_SHELL_CFETCH_H
/* HTTP(S) downloads through libcurl, loaded with dlopen when the first download starts, so that a
   shell which never downloads does not pay for loading libcurl and its libraries at startup. */

/* Called as bytes arrive (and about once a second while waiting); return nonzero to stop. */
typedef int (*cf_progress_fn)(void *context, long long received, long long expected);

typedef struct {
  long http_status;         /* the last response's status (0 if none came) */
  long long content_length; /* announced length, -1 if none */
  long long received;       /* bytes written to the file */
  int curl_code;            /* libcurl's CURLcode, 0 on success */
  char message[256];        /* what went wrong, when something did */
} cf_result;

/* Fetches url into the file at path (created or truncated), following redirects.
   idle_seconds: abandon when no byte arrives for that long (also the connect timeout);
   total_seconds: the whole transfer's limit.
   Returns 0 when the transfer completed (look at http_status), 1 on a transfer error (message set),
   2 when the progress function stopped it, -1 when libcurl cannot be loaded (message set). */
int cf_download(const char *url, const char *path, long idle_seconds, long total_seconds,
                cf_progress_fn progress, void *context, cf_result *out);

#endif
