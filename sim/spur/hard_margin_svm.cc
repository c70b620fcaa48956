// See hard_margin_svm.h (being implemented).
#include "sim/spur/hard_margin_svm.h"
