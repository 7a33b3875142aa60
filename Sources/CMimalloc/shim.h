// mimalloc (Debian's libmimalloc-dev) replaces the C library's malloc for the whole `salve` process once linked:
// a build allocates millions of small strings and arrays, and glibc's malloc spent a sixth of its time on them.
#include <mimalloc.h>
