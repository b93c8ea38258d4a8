/* libcurl through dlopen: only the handful of entry points a download needs. The option and info
   numbers are libcurl's stable ABI values (curl/curl.h), written out because only the runtime
   library (libcurl.so.4) is required on the machine, not its headers. */
#include "cfetch.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

enum {
  OPT_WRITEDATA = 10001, OPT_URL = 10002, OPT_TIMEOUT = 13, OPT_LOW_SPEED_LIMIT = 19,
  OPT_LOW_SPEED_TIME = 20, OPT_NOPROGRESS = 43, OPT_FOLLOWLOCATION = 52, OPT_CONNECTTIMEOUT = 78,
  OPT_NOSIGNAL = 99, OPT_WRITEFUNCTION = 20011, OPT_XFERINFODATA = 10057,
  OPT_XFERINFOFUNCTION = 20219, OPT_USERAGENT = 10018,
  INFO_RESPONSE_CODE = 0x200000 + 2, INFO_CONTENT_LENGTH_DOWNLOAD_T = 0x600000 + 15,
  CURLE_OK = 0, CURLE_ABORTED_BY_CALLBACK = 42, GLOBAL_DEFAULT = 3
};

typedef void CURL;
static struct {
  int loaded;
  char error[200];
  int (*global_init)(long);
  CURL *(*easy_init)(void);
  int (*easy_setopt)(CURL *, int, ...);
  int (*easy_perform)(CURL *);
  int (*easy_getinfo)(CURL *, int, ...);
  void (*easy_cleanup)(CURL *);
  const char *(*easy_strerror)(int);
} curl;
static pthread_once_t curl_once = PTHREAD_ONCE_INIT;

static void load_curl(void) {
  const char *names[] = {"libcurl.so.4", "libcurl.so", "libcurl-gnutls.so.4", "libcurl.4.dylib", NULL};
  void *h = NULL;
  for (int i = 0; names[i] && !h; i++) h = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
  if (!h) {
    snprintf(curl.error, sizeof curl.error, "libcurl is not installed (%s)", dlerror());
    return;
  }
  *(void **)&curl.global_init = dlsym(h, "curl_global_init");
  *(void **)&curl.easy_init = dlsym(h, "curl_easy_init");
  *(void **)&curl.easy_setopt = dlsym(h, "curl_easy_setopt");
  *(void **)&curl.easy_perform = dlsym(h, "curl_easy_perform");
  *(void **)&curl.easy_getinfo = dlsym(h, "curl_easy_getinfo");
  *(void **)&curl.easy_cleanup = dlsym(h, "curl_easy_cleanup");
  *(void **)&curl.easy_strerror = dlsym(h, "curl_easy_strerror");
  if (!curl.global_init || !curl.easy_init || !curl.easy_setopt || !curl.easy_perform ||
      !curl.easy_getinfo || !curl.easy_cleanup || !curl.easy_strerror) {
    snprintf(curl.error, sizeof curl.error, "the libcurl found lacks curl_easy_* functions");
    return;
  }
  if (curl.global_init(GLOBAL_DEFAULT) != CURLE_OK) {
    snprintf(curl.error, sizeof curl.error, "curl_global_init failed");
    return;
  }
  curl.loaded = 1;
}

typedef struct {
  FILE *file;
  long long written;
  cf_progress_fn progress;
  void *context;
} transfer;

static size_t on_data(char *data, size_t size, size_t count, void *user) {
  transfer *t = user;
  size_t n = fwrite(data, size, count, t->file);
  t->written += (long long)(n * size);
  return n * size;  /* a short count makes libcurl fail with CURLE_WRITE_ERROR */
}

static int on_progress(void *user, long long total, long long now, long long ut, long long un) {
  (void)ut; (void)un;
  transfer *t = user;
  return t->progress ? t->progress(t->context, now, total > 0 ? total : -1) : 0;
}

int cf_download(const char *url, const char *path, long idle_seconds, long total_seconds,
                cf_progress_fn progress, void *context, cf_result *out) {
  memset(out, 0, sizeof *out);
  out->content_length = -1;
  pthread_once(&curl_once, load_curl);
  if (!curl.loaded) {
    snprintf(out->message, sizeof out->message, "%s", curl.error);
    return -1;
  }
  FILE *f = fopen(path, "wb");
  if (!f) {
    snprintf(out->message, sizeof out->message, "could not write %s", path);
    return 1;
  }
  transfer t = {f, 0, progress, context};
  CURL *h = curl.easy_init();
  if (!h) {
    fclose(f);
    snprintf(out->message, sizeof out->message, "curl_easy_init failed");
    return 1;
  }
  curl.easy_setopt(h, OPT_URL, url);
  curl.easy_setopt(h, OPT_NOSIGNAL, 1L);
  curl.easy_setopt(h, OPT_FOLLOWLOCATION, 1L);
  curl.easy_setopt(h, OPT_USERAGENT, "mnist-shell");
  curl.easy_setopt(h, OPT_CONNECTTIMEOUT, idle_seconds);
  curl.easy_setopt(h, OPT_LOW_SPEED_LIMIT, 1L);
  curl.easy_setopt(h, OPT_LOW_SPEED_TIME, idle_seconds);
  curl.easy_setopt(h, OPT_TIMEOUT, total_seconds);
  curl.easy_setopt(h, OPT_WRITEFUNCTION, on_data);
  curl.easy_setopt(h, OPT_WRITEDATA, (void *)&t);
  curl.easy_setopt(h, OPT_NOPROGRESS, 0L);
  curl.easy_setopt(h, OPT_XFERINFOFUNCTION, on_progress);
  curl.easy_setopt(h, OPT_XFERINFODATA, (void *)&t);
  int code = curl.easy_perform(h);
  long status = 0;
  long long length = -1;
  curl.easy_getinfo(h, INFO_RESPONSE_CODE, &status);
  curl.easy_getinfo(h, INFO_CONTENT_LENGTH_DOWNLOAD_T, &length);
  curl.easy_cleanup(h);
  int closed = fclose(f);
  out->http_status = status;
  out->content_length = length;
  out->received = t.written;
  out->curl_code = code;
  if (code == CURLE_ABORTED_BY_CALLBACK) return 2;
  if (code != CURLE_OK) {
    snprintf(out->message, sizeof out->message, "%s", curl.easy_strerror(code));
    return 1;
  }
  if (closed != 0) {
    snprintf(out->message, sizeof out->message, "could not write %s", path);
    return 1;
  }
  return 0;
}
