// The public headers compile as C++.
#include <khcn.h>
int main() { return KHCN_OK; }
