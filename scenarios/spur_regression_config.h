// TOML reader for scn_spur_regression (being implemented).
#pragma once
