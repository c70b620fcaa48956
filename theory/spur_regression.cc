// See spur_regression.h (being implemented).
#include "theory/spur_regression.h"
