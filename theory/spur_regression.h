// E7 regression experiment (being implemented).
#pragma once
