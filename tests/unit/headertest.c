/* The public headers compile alone under C99 -pedantic. */
#include <khcn.h>
int main(void) { return khcn_version() == 0; }
