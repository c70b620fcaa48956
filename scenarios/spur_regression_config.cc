// See spur_regression_config.h (being implemented).
#include "scenarios/spur_regression_config.h"
