"""The BLAS a reference actually ran with, read from the process itself after the work: the BLAS and
OpenBLAS libraries mapped into it (/proc/self/maps) and, for OpenBLAS, the kernel it chose
(openblas_get_corename; "Haswell" when these machines' global OPENBLAS_CORETYPE=Haswell reached it).
Every reference's JSON records it, so a ratio in BENCHMARKS.md names the kernel it was measured against."""
import ctypes
import os


def runtime_blas():
    libraries = set()
    with open("/proc/self/maps") as maps:
        for line in maps:
            path = line.split()[-1] if len(line.split()) >= 6 else ""
            name = os.path.basename(path)
            if any(key in name for key in ("blas", "blis", "mkl", "atlas")):
                libraries.add(path)
    out = {"libraries": sorted(libraries), "openblas_coretype_env": os.environ.get("OPENBLAS_CORETYPE", "(unset)")}
    for path in sorted(libraries):
        if "openblas" in path:
            try:
                core = ctypes.CDLL(path).openblas_get_corename
                core.restype = ctypes.c_char_p
                out["openblas_kernel"] = core().decode()
                break
            except (OSError, AttributeError):
                pass
    return out
