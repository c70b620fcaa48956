// See mlp_regression.h (being implemented).
#include "sim/spur/mlp_regression.h"
