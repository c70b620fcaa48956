// Planted violation for the negative control of the layer rule: a sim header that includes a scenario.
#include "scenarios/bo/config.h"
