// See self_influence.h (being implemented).
#include "sim/spur/self_influence.h"
