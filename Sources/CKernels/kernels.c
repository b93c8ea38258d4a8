#include "ckernels.h"
const char *ck_isa(void) { return "generic"; }
