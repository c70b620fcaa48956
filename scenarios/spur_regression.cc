// scn_spur_regression (being implemented).
int main() { return 0; }
