/* Non-variadic wrappers over libedit (el_set, el_get and history are variadic,
   which Swift cannot call), and accessors for C globals (Swift 6 flags them). */
#ifndef MNIST_SHELL_CEDITLINE_SHIM_H
#define MNIST_SHELL_CEDITLINE_SHIM_H
#include <stdio.h>
#include <histedit.h>
static inline FILE *swiftedit_stdin(void)  { return stdin; }
static inline FILE *swiftedit_stdout(void) { return stdout; }
static inline FILE *swiftedit_stderr(void) { return stderr; }
typedef char *(*swiftedit_prompt_fn)(EditLine *);
typedef unsigned char (*swiftedit_command_fn)(EditLine *, int);
static inline int swiftedit_set_prompt(EditLine *el, swiftedit_prompt_fn fn) { return el_set(el, EL_PROMPT, fn); }
static inline int swiftedit_set_editor(EditLine *el, const char *mode) { return el_set(el, EL_EDITOR, mode); }
static inline int swiftedit_set_signal(EditLine *el, int on) { return el_set(el, EL_SIGNAL, on); }
static inline int swiftedit_set_history(EditLine *el, History *h) { return el_set(el, EL_HIST, history, h); }
static inline int swiftedit_add_function(EditLine *el, const char *name, const char *help, swiftedit_command_fn fn) { return el_set(el, EL_ADDFN, name, help, fn); }
static inline int swiftedit_bind(EditLine *el, const char *key, const char *cmd) { return el_set(el, EL_BIND, key, cmd, (const char *)NULL); }
static inline int swiftedit_set_clientdata(EditLine *el, void *d) { return el_set(el, EL_CLIENTDATA, d); }
static inline void *swiftedit_get_clientdata(EditLine *el) { void *d = NULL; el_get(el, EL_CLIENTDATA, &d); return d; }
static inline int swiftedit_history_setsize(History *h, int n) { HistEvent ev; return history(h, &ev, H_SETSIZE, n); }
static inline int swiftedit_history_setunique(History *h, int on) { HistEvent ev; return history(h, &ev, H_SETUNIQUE, on); }
static inline int swiftedit_history_enter(History *h, const char *l) { HistEvent ev; return history(h, &ev, H_ENTER, l); }
static inline int swiftedit_history_load(History *h, const char *p) { HistEvent ev; return history(h, &ev, H_LOAD, p); }
static inline int swiftedit_history_save(History *h, const char *p) { HistEvent ev; return history(h, &ev, H_SAVE, p); }
static inline int swiftedit_history_size(History *h) { HistEvent ev; return history(h, &ev, H_GETSIZE) < 0 ? -1 : ev.num; }
#endif
