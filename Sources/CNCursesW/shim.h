/* ncursesw from Swift: wide-char API switched on (SwiftPM drops pkg-config's
   -D flags), and accessors for the globals and function-like macros that Swift
   cannot import. */
#ifndef MNIST_SHELL_CNCURSESW_SHIM_H
#define MNIST_SHELL_CNCURSESW_SHIM_H
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <ncursesw/curses.h>
static inline FILE *swiftcurses_stdin(void) { return stdin; }
static inline FILE *swiftcurses_stdout(void) { return stdout; }
static inline WINDOW *swiftcurses_stdscr(void) { return stdscr; }
static inline int swiftcurses_lines(void) { return LINES; }
static inline int swiftcurses_cols(void) { return COLS; }
static inline int swiftcurses_colors(void) { return COLORS; }
static inline int swiftcurses_color_pairs(void) { return COLOR_PAIRS; }
static inline attr_t swiftcurses_a_bold(void) { return A_BOLD; }
static inline attr_t swiftcurses_a_normal(void) { return A_NORMAL; }
static inline attr_t swiftcurses_a_reverse(void) { return A_REVERSE; }
static inline attr_t swiftcurses_a_dim(void) { return A_DIM; }
static inline attr_t swiftcurses_a_underline(void) { return A_UNDERLINE; }
static inline mmask_t swiftcurses_all_mouse_events(void) { return ALL_MOUSE_EVENTS; }
static inline mmask_t swiftcurses_report_mouse_position(void) { return REPORT_MOUSE_POSITION; }
static inline mmask_t swiftcurses_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t swiftcurses_button1_released(void) { return BUTTON1_RELEASED; }
static inline mmask_t swiftcurses_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t swiftcurses_button3_pressed(void) { return BUTTON3_PRESSED; }
static inline mmask_t swiftcurses_button2_pressed(void) { return BUTTON2_PRESSED; }
static inline mmask_t swiftcurses_button2_released(void) { return BUTTON2_RELEASED; }
static inline mmask_t swiftcurses_button3_released(void) { return BUTTON3_RELEASED; }
static inline mmask_t swiftcurses_button4_pressed(void) { return BUTTON4_PRESSED; }
#ifdef BUTTON5_PRESSED
static inline mmask_t swiftcurses_button5_pressed(void) { return BUTTON5_PRESSED; }
#else
static inline mmask_t swiftcurses_button5_pressed(void) { return 0; }
#endif
static inline int swiftcurses_ccharw_max(void) { return CCHARW_MAX; }
static inline const char *swiftcurses_codeset(void) { return nl_langinfo(CODESET); }
#endif
